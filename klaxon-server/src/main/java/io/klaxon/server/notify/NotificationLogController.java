package io.klaxon.server.notify;

import io.klaxon.notify.Attempt;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationStore;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.klaxon.store.AlertStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification log of an alert, and the dead letters with their retry. */
@RestController
@Tag(name = "notifications")
class NotificationLogController {

  private final NotificationStore store;
  private final AlertStore alerts;
  private final NotificationJob job;
  private final InstantSource clock;

  NotificationLogController(
      NotificationStore store, AlertStore alerts, NotificationJob job, InstantSource clock) {
    this.store = store;
    this.alerts = alerts;
    this.job = job;
    this.clock = clock;
  }

  /** An alert's notifications, oldest first, each with every attempt. */
  record AlertNotifications(long alertId, List<NotificationView> notifications) {}

  /** A page of dead letters, newest first. */
  record DeadLetters(List<NotificationView> items, long total, int limit, long offset) {}

  @GetMapping("/api/alerts/{id}/notifications")
  @Operation(summary = "Every notification of an alert and every attempt to deliver it")
  AlertNotifications ofAlert(
      @PathVariable long id, @RequestParam MultiValueMap<String, String> params) {
    NoParams.check(params);
    List<Notification> notifications = store.notificationsOfAlert(id);
    if (notifications.isEmpty() && alerts.findById(id).isEmpty()) {
      throw new NotFound("alert", id);
    }
    return new AlertNotifications(id, views(notifications));
  }

  @GetMapping("/api/notifications/dead-letters")
  @Operation(summary = "Notifications given up on, newest first (limit, offset)")
  DeadLetters deadLetters(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, List.of("limit", "offset"));
    int limit = read.limit();
    long offset = read.offset();
    errors.throwIfAny();
    List<Notification> page = store.deadLetters(limit, (int) Math.min(offset, Integer.MAX_VALUE));
    return new DeadLetters(views(page), store.deadLetterCount(), limit, offset);
  }

  @PostMapping("/api/notifications/dead-letters/{id}/retry")
  @Operation(summary = "Send a dead letter again now, with a fresh give-up time")
  ResponseEntity<NotificationView> retry(@PathVariable long id) {
    if (!store.retry(id, clock.instant())) {
      throw new NotFound("dead letter", id);
    }
    job.wakeDispatcher();
    Notification notification =
        store.notification(id).orElseThrow(() -> new NotFound("dead letter", id));
    return ResponseEntity.accepted()
        .body(NotificationView.of(notification, store.attempts(List.of(id))));
  }

  private List<NotificationView> views(List<Notification> notifications) {
    List<Attempt> attempts = store.attempts(notifications.stream().map(Notification::id).toList());
    return notifications.stream().map(n -> NotificationView.of(n, attempts)).toList();
  }
}
