package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStatus;
import io.klaxon.notify.Occasion;
import io.klaxon.notify.Receiver;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Receivers: where notifications go. Secrets are never shown, only {@code ********}. */
@RestController
@Tag(name = "notifications")
class ReceiverController {

  private final NotifyConfig config;
  private final Senders senders;
  private final ObjectMapper json;
  private final InstantSource clock;

  ReceiverController(NotifyConfig config, Senders senders, ObjectMapper json, InstantSource clock) {
    this.config = config;
    this.senders = senders;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/api/receivers")
  @Operation(summary = "Every receiver, secrets masked")
  List<ReceiverBody> list(@RequestParam MultiValueMap<String, String> params) {
    NoParams.check(params);
    return config.current().receiverBodies().values().stream()
        .map(ReceiverBody::masked)
        .sorted(java.util.Comparator.comparing(body -> Objects.requireNonNull(body.name())))
        .toList();
  }

  @GetMapping("/api/receivers/{name}")
  @Operation(summary = "One receiver, secrets masked")
  ReceiverBody get(@PathVariable String name) {
    return stored(name).masked();
  }

  @PostMapping("/api/receivers")
  @Operation(
      summary = "Add a receiver",
      description =
          "type webhook (url, secret, headers), slack (url, channel), email (to, from, smtpHost,"
              + " smtpPort, username, password, startTls), pagerduty (routingKey), opsgenie"
              + " (apiKey), teams (url), telegram (botToken, chatId), discord (url), mattermost"
              + " (url, channel), ntfy (topic, token), gotify (url, token) or pushover (token,"
              + " user), services with an optional base url; rateLimit {count, perSeconds}."
              + " See docs/NOTIFICATIONS.md.")
  ResponseEntity<ReceiverBody> create(@RequestBody JsonNode body, Actor actor) {
    ReceiverBody receiver = read(body, null);
    if (config.current().receiverBodies().containsKey(receiver.name())) {
      throw new Conflict(
          "name",
          "a receiver named "
              + receiver.name()
              + " exists; PUT /api/receivers/"
              + receiver.name()
              + " replaces it");
    }
    config.putReceiver(receiver, actor);
    return ResponseEntity.created(URI.create("/api/receivers/" + receiver.name()))
        .body(receiver.masked());
  }

  @PutMapping("/api/receivers/{name}")
  @Operation(summary = "Add or replace a receiver; a secret sent back as ******** is kept")
  ReceiverBody put(@PathVariable String name, @RequestBody JsonNode body, Actor actor) {
    ReceiverBody receiver = read(body, name);
    config.putReceiver(receiver, actor);
    return receiver.masked();
  }

  @DeleteMapping("/api/receivers/{name}")
  @Operation(summary = "Remove a receiver no route sends to")
  ResponseEntity<Void> delete(@PathVariable String name) {
    config.deleteReceiver(name);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/receivers/{name}/test")
  @Operation(summary = "Send a test notification to a receiver now, and say how it went")
  TestResult test(@PathVariable String name) {
    Receiver receiver = config.receiver(name).orElseThrow(() -> new NotFound("receiver", name));
    Instant now = clock.instant();
    NotificationItem item =
        new NotificationItem(
            0, Occasion.OPENED, Severity.INFO, AlertStatus.OPEN, "Klaxon test notification", now);
    Notification notification =
        new Notification(
            0,
            "test-" + UUID.randomUUID(),
            "test",
            name,
            "test",
            NotificationStatus.PENDING,
            now,
            now,
            now,
            0,
            null,
            null,
            List.of(item));
    long started = System.nanoTime();
    DeliveryResult result =
        senders.send(receiver, new Message(notification, List.of(new Message.Entry(item, null))));
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    return new TestResult(result.delivered(), result.statusCode(), millis, result.error());
  }

  /** How a test send went. */
  record TestResult(
      boolean delivered,
      @Nullable Integer statusCode,
      long latencyMillis,
      @Nullable String error) {}

  private ReceiverBody stored(String name) {
    ReceiverBody body = config.current().receiverBodies().get(name);
    if (body == null) {
      throw new NotFound("receiver", name);
    }
    return body;
  }

  private ReceiverBody read(JsonNode node, @Nullable String pathName) {
    FieldErrors errors = new FieldErrors();
    ReceiverBody body = errors.read(json, node, ReceiverBody.class, "");
    errors.throwIfAny();
    Objects.requireNonNull(body); // throwIfAny() threw for a body it could not read
    if (pathName != null) {
      if (body.name() != null && !body.name().equals(pathName)) {
        throw new InvalidInput(
            "name", "must be the name in the path, " + pathName + ", or left out");
      }
      body = body.named(pathName);
    }
    ReceiverBody checked = config.checkReceiver(body, "", errors);
    errors.throwIfAny();
    return checked;
  }
}
