package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.problem.InvalidInput;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine, not the producer, decides about a re-trigger's attributes and a new alert's
 * date: the producer need not read the alert first, so what it would have read cannot be stale.
 */
class AlertEngineAttributeMergeTest {

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
  void reTrigger_keepsTheFirstAndTheEarliest_takesTheRestFromTheTrigger() {
    engine.apply(trigger("12:00:00Z", "12:01:00Z", "a", MERGE));

    Alert earlier = engine.apply(trigger("11:59:30Z", "12:02:00Z", "b", MERGE)).alert();
    assertThat(earlier.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("startsAt", at("11:59:30Z"), "receivedAt", at("12:01:00Z"), "note", "b"));

    Alert later = engine.apply(trigger("12:05:00.5Z", "12:03:00Z", "c", MERGE)).alert();
    assertThat(later.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("startsAt", at("11:59:30Z"), "receivedAt", at("12:01:00Z"), "note", "c"));
  }

  @Test
  void reSendThatMergesToTheAlertsOwn_movesOnlyItsCounts() {
    Alert first = engine.apply(trigger("12:00:00Z", "12:01:00Z", "a", MERGE)).alert();
    clock.advance(Duration.ofMinutes(1));

    Alert again = engine.apply(trigger("12:00:30Z", "12:02:00Z", "a", MERGE)).alert();

    assertThat(again.attributes()).isEqualTo(first.attributes());
    assertThat(again.lastSeenAt()).isEqualTo(clock.instant());
    assertThat(again.occurrences()).isEqualTo(2);
  }

  @Test
  void withoutAMerge_theTriggersAttributesReplaceTheAlerts() {
    engine.apply(trigger("12:00:00Z", "12:01:00Z", "a", AttributeMerge.NONE));

    Alert again = engine.apply(trigger("12:05:00Z", "12:02:00Z", "a", AttributeMerge.NONE)).alert();

    assertThat(again.attributes())
        .containsEntry("startsAt", at("12:05:00Z"))
        .containsEntry("receivedAt", at("12:02:00Z"));
  }

  @Test
  void anUnreadableHeldInstant_givesWayToTheTriggers() {
    engine.apply(
        new AlertCommand.Trigger(
            "fp",
            "src",
            "disk",
            Severity.HIGH,
            "Disk",
            null,
            null,
            null,
            null,
            null,
            Map.of("startsAt", "yesterday"),
            null,
            null,
            Actor.of("src")));

    Alert again = engine.apply(trigger("12:00:00Z", "12:01:00Z", "a", MERGE)).alert();

    assertThat(again.attributes()).containsEntry("startsAt", at("12:00:00Z"));
  }

  @Test
  void startedAt_datesANewAlert_neverLaterThanSeen_andAReTriggerLeavesIt() {
    Instant began = clock.instant().minus(Duration.ofMinutes(5));
    Alert opened = engine.apply(startedAt(began)).alert();
    assertThat(opened.detectedAt()).isEqualTo(began);
    assertThat(opened.lastSeenAt()).isEqualTo(began);

    clock.advance(Duration.ofMinutes(1));
    Alert again = engine.apply(startedAt(began.minus(Duration.ofHours(1)))).alert();
    assertThat(again.detectedAt()).isEqualTo(began);
    assertThat(again.lastSeenAt()).isEqualTo(clock.instant());

    Alert future = engine.apply(startedAt("other", clock.instant().plusSeconds(60))).alert();
    assertThat(future.detectedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aNameKeptBothFirstAndEarliest_isRefused() {
    assertThatThrownBy(() -> new AttributeMerge(Set.of("startsAt"), Set.of("startsAt")))
        .isInstanceOf(InvalidInput.class);
  }

  private static String at(String time) {
    return "2025-03-01T" + time;
  }

  private static AlertCommand.Trigger trigger(
      String startsAt, String receivedAt, String note, AttributeMerge merge) {
    return trigger(
        "fp",
        Map.of("startsAt", at(startsAt), "receivedAt", at(receivedAt), "note", note),
        null,
        merge);
  }

  private static AlertCommand.Trigger startedAt(Instant began) {
    return startedAt("fp", began);
  }

  private static AlertCommand.Trigger startedAt(String fingerprint, Instant began) {
    return trigger(fingerprint, Map.of(), began, AttributeMerge.NONE);
  }

  private static AlertCommand.Trigger trigger(
      String fingerprint,
      Map<String, Object> attributes,
      @Nullable Instant startedAt,
      AttributeMerge merge) {
    return new AlertCommand.Trigger(
        fingerprint,
        "src",
        "disk",
        Severity.HIGH,
        "Disk",
        null,
        null,
        null,
        null,
        null,
        attributes,
        null,
        null,
        Actor.of("src"),
        null,
        startedAt,
        merge);
  }
}
