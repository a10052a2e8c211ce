package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.AttributeMap;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The active index keeps alerts equal to those committed, with equal strings kept once. */
class AlertCompactorTest {

  private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

  private final AlertCompactor compactor = new AlertCompactor(new StringPool(1_000));

  @Test
  void theCompactAlertIsEqualToTheCommittedOne() {
    Alert committed = alert(7, "host-7", 3);

    Alert compact = compactor.compact(committed, null);

    assertThat(compact).isEqualTo(committed);
    assertThat(compact.attributes()).containsExactlyInAnyOrderEntriesOf(committed.attributes());
  }

  @Test
  void stringsThatTwoAlertsCarryAreKeptOnce() {
    Alert first = compactor.compact(alert(1, "host-1", 1), null);
    Alert second = compactor.compact(alert(2, "host-2", 1), null);
    Alert third = compactor.compact(alert(3, "host-3", 1), null);

    assertThat(second.source()).isSameAs(first.source());
    assertThat(third.type()).isSameAs(second.type());
    assertThat(third.attributes().get("labels.job"))
        .isSameAs(second.attributes().get("labels.job"));
    assertThat(key(third, "labels.job")).isSameAs(key(second, "labels.job"));
  }

  @Test
  void aReTriggerKeepsWhatItsPreviousVersionHeldWhereEqual() {
    Alert opened = compactor.compact(alert(5, "host-5", 1), null);

    Alert retriggered = compactor.compact(alert(5, "host-5", 2), opened);

    assertThat(retriggered).isEqualTo(alert(5, "host-5", 2));
    assertThat(retriggered.title()).isSameAs(opened.title());
    assertThat(retriggered.fingerprint()).isSameAs(opened.fingerprint());
    assertThat(retriggered.subject()).isSameAs(opened.subject());
    assertThat(retriggered.attributes().get("labels.instance"))
        .isSameAs(opened.attributes().get("labels.instance"));
    assertThat(retriggered.detectedAt()).isSameAs(opened.detectedAt());
  }

  @Test
  void anAttributeThatRepeatsTheTitleOrTheSubjectIsTheSameString() {
    Alert compact = compactor.compact(alert(9, "host-9", 1), null);

    assertThat(compact.attributes().get("annotations.summary")).isSameAs(compact.title());
    assertThat(compact.attributes().get("labels.instance")).isSameAs(compact.subject().key());
    assertThat(compact.subject().name()).isSameAs(compact.subject().key());
  }

  @Test
  void aPreviousVersionOfAnotherAlertIsNotTakenForThisOne() {
    Alert other = compactor.compact(alert(1, "host-1", 1), null);

    Alert compact = compactor.compact(alert(2, "host-2", 1), other);

    assertThat(compact).isEqualTo(alert(2, "host-2", 1));
  }

  @Test
  void alertsWithTheSameAttributeNamesShareThem() {
    Alert first = compactor.compact(alert(1, "host-1", 1), null);
    Alert second = compactor.compact(alert(2, "host-2", 1), null);

    assertThat(first.attributes()).isInstanceOf(AttributeMap.class);
    assertThat(((AttributeMap) second.attributes()).names())
        .isSameAs(((AttributeMap) first.attributes()).names());
  }

  @Test
  void aReTriggerWithOtherAttributesKeepsThemAll() {
    Alert opened = compactor.compact(alert(5, "host-5", 1), null);
    Alert changed = alert(5, "host-5", 2);
    Map<String, Object> attributes = new LinkedHashMap<>(changed.attributes());
    attributes.put("labels.severity", "critical");
    attributes.remove("count");
    Alert retriggered = withAttributes(changed, attributes);

    Alert compact = compactor.compact(retriggered, opened);

    assertThat(compact).isEqualTo(retriggered);
    assertThat(compact.attributes()).containsExactlyInAnyOrderEntriesOf(attributes);
  }

  @Test
  void thePoolForgetsWhatItSawOnceWhenFull() {
    StringPool pool = new StringPool(4);
    for (int i = 0; i < 100; i++) {
      pool.share(fresh("once-" + i));
    }

    assertThat(pool.size()).isLessThanOrEqualTo(8);
  }

  @Test
  void theSameObjectOfferedTwiceIsNoSecondSighting() {
    StringPool pool = new StringPool(4);
    String once = fresh("host-1");
    pool.share(once);
    pool.share(once);
    String equal = fresh("host-1");

    assertThat(pool.share(equal)).isSameAs(once);
    assertThat(pool.share(fresh("host-1"))).isSameAs(once);
  }

  @Test
  void longStringsAreNotPooled() {
    StringPool pool = new StringPool(4);
    String text = "x".repeat(StringPool.LONGEST + 1);
    pool.share(text);

    String equal = fresh(text);
    assertThat(pool.share(equal)).isSameAs(equal);
    assertThat(pool.size()).isZero();
  }

  private static Object key(Alert alert, String name) {
    return alert.attributes().keySet().stream().filter(name::equals).findFirst().orElseThrow();
  }

  /** An alert as a request leaves it: every string a new object. */
  private static Alert alert(long id, String host, long occurrences) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(fresh("labels.instance"), fresh(host));
    attributes.put(fresh("labels.job"), fresh("node"));
    attributes.put(fresh("annotations.summary"), fresh("disk almost full on " + host));
    attributes.put(fresh("count"), 3L);
    return new Alert(
        id,
        fresh("am:" + id),
        fresh("alertmanager"),
        fresh("DiskFull"),
        Severity.MEDIUM,
        AlertStatus.OPEN,
        fresh("disk almost full on " + host),
        null,
        Subject.of(fresh("instance"), fresh(host), fresh(host)),
        null,
        null,
        null,
        null,
        attributes,
        occurrences,
        Instant.parse("2026-12-06T04:00:00Z"),
        NOW.plusSeconds(occurrences),
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        occurrences,
        List.of());
  }

  private static Alert withAttributes(Alert alert, Map<String, Object> attributes) {
    return new Alert(
        alert.id(),
        alert.fingerprint(),
        alert.source(),
        alert.type(),
        alert.severity(),
        alert.status(),
        alert.title(),
        alert.message(),
        alert.subject(),
        alert.value(),
        alert.previousValue(),
        alert.threshold(),
        alert.changePercent(),
        attributes,
        alert.occurrences(),
        alert.detectedAt(),
        alert.lastSeenAt(),
        alert.acknowledgedAt(),
        alert.acknowledgedBy(),
        alert.resolvedAt(),
        alert.resolvedBy(),
        alert.expiresAt(),
        alert.autoResolved(),
        alert.previousSeverity(),
        alert.version(),
        alert.suppressedBy());
  }

  private static String fresh(String text) {
    return new String(text.toCharArray());
  }
}
