package io.klaxon.server.escalation;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationKey;
import io.klaxon.escalation.EscalationPolicy;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.escalation.Target;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NewNotification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStore;
import io.klaxon.notify.Occasion;
import io.klaxon.problem.KlaxonException;
import io.klaxon.server.oncall.OnCallDirectory;
import io.klaxon.store.AlertStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one claimed escalation step: only while the alert is open, not acknowledged and not
 * suppressed. The step's targets become receivers (a person's contacts; whoever a schedule has on
 * call, then their contacts), each gets a notification in the outbox (so retries, dead letters and
 * the log apply), and the alert's history gets a note through the engine saying whom it notified.
 *
 * <p>In a cluster any instance may fire a step: the claim ({@code FOR UPDATE SKIP LOCKED}, with a
 * lease) gives each step to one instance, the alert is read as its owner last committed it, the
 * notifications go to the one outbox, and the note reaches the owner through the engine like every
 * other change, so nothing is gained by firing it in the owner (docs/CLUSTER.md).
 */
final class StepFiring {

  private static final Logger log = LoggerFactory.getLogger(StepFiring.class);

  /** How long a suppressed alert's step waits before it is looked at again. */
  static final Duration SUPPRESSED_RECHECK = Duration.ofMinutes(1);

  private final EscalationStore store;
  private final AlertStore alerts;
  private final PolicyDirectory policies;
  private final OnCallDirectory onCall;
  private final NotificationStore outbox;
  private final AlertEngine engine;

  StepFiring(
      EscalationStore store,
      AlertStore alerts,
      PolicyDirectory policies,
      OnCallDirectory onCall,
      NotificationStore outbox,
      AlertEngine engine) {
    this.store = store;
    this.alerts = alerts;
    this.policies = policies;
    this.onCall = onCall;
    this.outbox = outbox;
    this.engine = engine;
  }

  /** A receiver to send to, and the person it reaches, if it was chosen for one. */
  record Recipient(String receiver, Optional<String> person) {}

  void fire(Escalation escalation, Instant now) {
    Optional<Alert> found = alerts.findById(escalation.alertId());
    if (found.isEmpty()) {
      store.end(escalation.id(), "deleted", now, null);
      return;
    }
    Alert alert = found.get();
    if (alert.status() != AlertStatus.OPEN) {
      store.end(escalation.id(), alert.status().name().toLowerCase(Locale.ROOT), now, null);
      return;
    }
    if (!Suppression.notSuppressed(alert)) {
      store.postpone(escalation.id(), now.plus(SUPPRESSED_RECHECK));
      return;
    }
    Optional<EscalationPolicy> policy = policies.policy(escalation.policy());
    Optional<EscalationPolicy.Step> step =
        policy.flatMap(p -> p.step(escalation.round(), escalation.step()));
    if (step.isEmpty()) {
      store.end(escalation.id(), policy.isEmpty() ? "policy removed" : "done", now, null);
      return;
    }
    List<String> told = new ArrayList<>();
    Map<String, Recipient> recipients = recipients(step.get(), now, told);
    send(escalation, alert, recipients, now);
    String notified = String.join("; ", told);
    Optional<EscalationPolicy.Position> next =
        policy.get().after(escalation.round(), escalation.step());
    if (next.isEmpty()) {
      store.end(escalation.id(), "done", now, notified);
    } else {
      Duration wait = policy.get().steps().get(next.get().step()).after();
      store.advance(
          escalation.id(), next.get().round(), next.get().step(), now.plus(wait), now, notified);
    }
    note(escalation, alert, told.isEmpty() ? "nobody (no receiver reached)" : notified);
  }

  /**
   * The history note of a fired step, through the engine (in a cluster, the owner of the alert's
   * partition applies it, as every change). It comes after the step is recorded as fired: a note
   * that cannot be written now (the alert deleted meanwhile, Kafka or the owner away) must not
   * leave the step to be fired, and its receivers notified, a second time.
   */
  private void note(Escalation escalation, Alert alert, String notified) {
    try {
      engine.apply(
          new AlertCommand.Note(
              AlertRef.id(alert.id()),
              "Escalation policy "
                  + escalation.policy()
                  + ", step "
                  + (escalation.step() + 1)
                  + (escalation.round() > 0 ? " (repeat " + escalation.round() + ")" : "")
                  + ": notified "
                  + notified,
              Actor.of("escalation:" + escalation.policy())));
    } catch (KlaxonException e) {
      log.warn(
          "Escalation {} of alert {}: the step fired, its history note was not written: {}",
          escalation.id(),
          alert.id(),
          e.getMessage());
    }
  }

  /** The receivers of a step, each once (the first target that reaches it wins). */
  private Map<String, Recipient> recipients(
      EscalationPolicy.Step step, Instant now, List<String> told) {
    Set<String> receivers =
        outbox.documents(ConfigKind.RECEIVER).stream()
            .map(ConfigDocument::name)
            .collect(Collectors.toSet());
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (Target target : step.targets()) {
      Optional<String> person =
          switch (target) {
            case Target.ReceiverTarget r -> Optional.empty();
            case Target.PersonTarget p -> Optional.of(p.name());
            case Target.ScheduleTarget s -> onCall.onCallAt(s.name(), now);
          };
      List<String> names =
          target instanceof Target.ReceiverTarget
              ? List.of(target.name())
              : person.map(onCall::contactsOf).orElse(List.of());
      List<String> reached = names.stream().filter(receivers::contains).toList();
      reached.forEach(name -> recipients.putIfAbsent(name, new Recipient(name, person)));
      String who =
          target instanceof Target.ScheduleTarget
              ? target.text() + " (" + person.orElse("nobody on call") + ")"
              : target.text();
      told.add(who + (reached.isEmpty() ? "" : " via " + String.join(", ", reached)));
    }
    return recipients;
  }

  private void send(
      Escalation escalation, Alert alert, Map<String, Recipient> recipients, Instant now) {
    if (recipients.isEmpty()) {
      return;
    }
    NotificationItem item =
        new NotificationItem(
            alert.id(), Occasion.ESCALATED, alert.severity(), alert.status(), alert.title(), now);
    outbox.plan(
        tx -> {
          for (Recipient recipient : recipients.values()) {
            // Unique per firing: a step fired again after a lost claim is a new notification.
            String key =
                "esc-"
                    + UUID.nameUUIDFromBytes(
                        (escalation.id()
                                + ":"
                                + escalation.round()
                                + ":"
                                + escalation.step()
                                + ":"
                                + recipient.receiver()
                                + ":"
                                + now)
                            .getBytes(StandardCharsets.UTF_8));
            tx.insert(
                new NewNotification(
                    key,
                    escalation.route(),
                    recipient.receiver(),
                    EscalationKey.of(escalation, recipient.person()),
                    now,
                    now,
                    item));
          }
          return recipients.size();
        });
  }
}
