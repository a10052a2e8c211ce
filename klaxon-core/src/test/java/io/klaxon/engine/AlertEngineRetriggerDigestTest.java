package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A re-send whose {@link TriggerDigest} equals its alert's moves only the counts; any trigger that
 * brings something else, after re-sends that set the alert's digest, still changes the alert.
 */
class AlertEngineRetriggerDigestTest {

  private static final AttributeMerge MERGE =
      new AttributeMerge(Set.of("receivedAt"), Set.of("startsAt"));

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;

  @BeforeEach
  void start() {
    engine = AlertEngine.start(store, clock);
  }

  @Test
  void reSends_moveOnlyTheCounts() {
    Alert first = engine.apply(trigger("fp", t -> t)).alert();
    clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp", receivedLater()));
    clock.advance(Duration.ofSeconds(1));

    Alert third = engine.apply(trigger("fp", receivedLater())).alert();

    assertThat(third.occurrences()).isEqualTo(3);
    assertThat(third.lastSeenAt()).isEqualTo(clock.instant());
    assertThat(third.version()).isEqualTo(3);
    assertThat(third.attributes()).isEqualTo(first.attributes());
    assertThat(third.title()).isEqualTo(first.title());
    assertThat(store.history(first.id()))
        .extracting(entry -> entry.action())
        .containsExactly(HistoryAction.CREATED, HistoryAction.RETRIGGERED);
  }

  @Test
  void aChangeAfterReSends_isNeverTakenForAReSend() {
    Map<String, UnaryOperator<AlertCommand.Trigger>> changes = new HashMap<>();
    changes.put("title", t -> with(t, "Disk fuller", t.severity(), t.subject(), t.attributes()));
    changes.put(
        "severity", t -> with(t, t.title(), Severity.CRITICAL, t.subject(), t.attributes()));
    changes.put(
        "subject",
        t -> with(t, t.title(), t.severity(), Subject.of("server", "h2", null), t.attributes()));
    changes.put("an attribute", t -> with(t, attributes(t, "labels.job", "other")));
    changes.put("a new attribute", t -> with(t, attributes(t, "labels.team", "ops")));
    changes.put(
        "an earlier start", t -> with(t, attributes(t, "startsAt", "2026-01-01T00:00:00Z")));

    for (Map.Entry<String, UnaryOperator<AlertCommand.Trigger>> change : changes.entrySet()) {
      String fingerprint = "fp-" + change.getKey();
      engine.apply(trigger(fingerprint, t -> t));
      engine.apply(trigger(fingerprint, receivedLater()));
      engine.apply(trigger(fingerprint, receivedLater()));
      AlertCommand.Trigger changed = change.getValue().apply(trigger(fingerprint, receivedLater()));

      Alert after = engine.apply(changed).alert();

      assertThat(after.occurrences()).as(change.getKey()).isEqualTo(4);
      assertThat(after.title()).as(change.getKey()).isEqualTo(changed.title());
      assertThat(after.severity()).as(change.getKey()).isEqualTo(changed.severity());
      assertThat(after.subject()).as(change.getKey()).isEqualTo(changed.subject());
      Map<String, Object> expected = new HashMap<>(changed.attributes());
      expected.put("receivedAt", "2026-12-06T12:00:00Z"); // kept first
      assertThat(after.attributes()).as(change.getKey()).isEqualTo(expected);
      assertThat(engine.active(fingerprint).orElseThrow()).as(change.getKey()).isEqualTo(after);
    }
  }

  @Test
  void aMatchingDigest_decidesWithoutComparing() {
    AlertCommand.Trigger opening = trigger("fp", t -> t);
    Alert alert = TriggerRules.open(1, opening, clock.instant());
    ActiveIndex index = new ActiveIndex();
    index.publish(List.of(alert), id -> false, Map.of(), 1);
    AlertCommand.Trigger retitled =
        with(opening, "Disk fuller", opening.severity(), opening.subject(), opening.attributes());

    TriggerRules.Retriggered trusted =
        Objects.requireNonNull(
            index.retrigger("fp", retitled, TriggerDigest.of(opening), clock.instant()));
    TriggerRules.Retriggered compared =
        Objects.requireNonNull(
            index.retrigger("fp", retitled, TriggerDigest.of(retitled), clock.instant()));

    assertThat(trusted.countsOnly()).isTrue();
    assertThat(trusted.alert().title()).isEqualTo("Disk full");
    assertThat(compared.countsOnly()).isFalse();
    assertThat(compared.alert().title()).isEqualTo("Disk fuller");
  }

  private UnaryOperator<AlertCommand.Trigger> receivedLater() {
    return t -> with(t, attributes(t, "receivedAt", clock.instant().toString()));
  }

  private static Map<String, Object> attributes(
      AlertCommand.Trigger trigger, String name, String value) {
    Map<String, Object> attributes = new HashMap<>(trigger.attributes());
    attributes.put(name, value);
    return attributes;
  }

  private static AlertCommand.Trigger trigger(
      String fingerprint, UnaryOperator<AlertCommand.Trigger> then) {
    return then.apply(
        new AlertCommand.Trigger(
            fingerprint,
            "alertmanager",
            "DiskFull",
            Severity.HIGH,
            "Disk full",
            null,
            Subject.of("server", "h1", null),
            null,
            null,
            null,
            Map.of(
                "labels.job", "node",
                "startsAt", "2026-12-06T11:00:00Z",
                "receivedAt", "2026-12-06T12:00:00Z"),
            null,
            null,
            Actor.of("alertmanager"),
            null,
            null,
            MERGE));
  }

  private static AlertCommand.Trigger with(
      AlertCommand.Trigger trigger, Map<String, Object> attributes) {
    return with(trigger, trigger.title(), trigger.severity(), trigger.subject(), attributes);
  }

  private static AlertCommand.Trigger with(
      AlertCommand.Trigger trigger,
      String title,
      Severity severity,
      @Nullable Subject subject,
      Map<String, Object> attributes) {
    return new AlertCommand.Trigger(
        trigger.fingerprint(),
        trigger.source(),
        trigger.type(),
        severity,
        title,
        trigger.message(),
        subject,
        trigger.value(),
        trigger.threshold(),
        trigger.changePercent(),
        attributes,
        trigger.occurredAt(),
        trigger.expiresAt(),
        trigger.actor(),
        trigger.previousValue(),
        trigger.startedAt(),
        trigger.merge());
  }
}
