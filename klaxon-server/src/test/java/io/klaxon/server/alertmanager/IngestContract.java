package io.klaxon.server.alertmanager;

import static io.klaxon.server.alertmanager.Payloads.alert;
import static io.klaxon.server.alertmanager.Payloads.alerts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Prometheus posts alerts: firing, re-sent, resolved by endsAt, timed out. */
interface IngestContract {

  AlertmanagerFixture am();

  @Test
  default void firingAlert_becomesAKlaxonAlert_withTheDocumentedMapping() {
    var am = am();
    am.post(alerts(am.firing("DiskFull", "warning", "nas-01:9100")));

    JsonNode stored = am.klaxonAlerts().at("/alerts/0");
    assertThat(am.klaxonAlerts().at("/total").asLong()).isEqualTo(1);
    assertThat(stored.at("/fingerprint").asString())
        .isEqualTo("am:" + LabelFingerprint.hex(am.labels("DiskFull", "warning", "nas-01:9100")));
    assertThat(stored.at("/source").asString()).isEqualTo("alertmanager");
    assertThat(stored.at("/type").asString()).isEqualTo("DiskFull");
    assertThat(stored.at("/severity").asString()).isEqualTo("medium");
    assertThat(stored.at("/title").asString()).isEqualTo("DiskFull on nas-01:9100");
    assertThat(stored.at("/message").asString()).isEqualTo("details");
    assertThat(stored.at("/subject/type").asString()).isEqualTo("instance");
    assertThat(stored.at("/subject/key").asString()).isEqualTo("nas-01:9100");
    assertThat(Instant.parse(stored.at("/detectedAt").asString()))
        .isEqualTo(am.now().minusSeconds(60));
    assertThat(stored.at("/attributes/labels.job").asString()).isEqualTo("node");
    assertThat(stored.at("/attributes/annotations.description").asString()).isEqualTo("details");
    assertThat(stored.at("/attributes/generatorURL").asString()).startsWith("http://prometheus");
    assertThat(Instant.parse(stored.at("/attributes/endsAt").asString()))
        .isEqualTo(am.now().plusSeconds(240));
    assertThat(stored.at("/attributes/receivedVia").asString()).isEqualTo("api");
  }

  @Test
  default void reSentAlert_isDeduplicated_keepsTheEarliestStartsAt_andCountsOccurrences() {
    var am = am();
    Map<String, String> labels = am.labels("HighLoad", "critical", "web-1:9100");
    Instant first = am.now().minusSeconds(120);
    am.post(alerts(alert(labels, Map.of(), first, am.now().plusSeconds(240))));
    am.clock.advance(Duration.ofMinutes(1));
    am.post(alerts(alert(labels, Map.of(), first.plusSeconds(30), am.now().plusSeconds(240))));

    JsonNode stored = am.klaxonAlerts();
    assertThat(stored.at("/total").asLong()).isEqualTo(1);
    assertThat(stored.at("/alerts/0/occurrences").asLong()).isEqualTo(2);
    assertThat(stored.at("/alerts/0/severity").asString()).isEqualTo("critical");
    assertThat(stored.at("/alerts/0/title").asString()).isEqualTo("HighLoad");
    JsonNode listed = am.v2();
    assertThat(listed.size()).isEqualTo(1);
    assertThat(Instant.parse(listed.at("/0/startsAt").asString())).isEqualTo(first);
    assertThat(Instant.parse(listed.at("/0/updatedAt").asString())).isEqualTo(am.now());
  }

  @Test
  default void reSentUnchanged_isListedWithItsLastReceipt_whileOnlyTheLogHoldsIt() {
    var am = am();
    Map<String, Object> alert =
        alert(am.labels("Unchanged", "low", "u:1"), Map.of(), am.now().minusSeconds(60), null);
    am.post(alerts(alert));
    Instant first = am.now();
    am.clock.advance(Duration.ofSeconds(10));
    am.post(alerts(alert)); // the first re-send writes the row: its history gets a summary entry
    am.clock.advance(Duration.ofSeconds(10));
    // The same alert again within the minute: only its counts and lastSeenAt move, which the
    // partition's log holds until the materializer folds them into the row (not in these tests).
    am.post(alerts(alert));

    JsonNode listed = am.v2();
    assertThat(listed.size()).isEqualTo(1);
    assertThat(Instant.parse(listed.at("/0/updatedAt").asString()))
        .isEqualTo(first.plusSeconds(20));
    assertThat(Instant.parse(listed.at("/0/endsAt").asString()))
        .isEqualTo(first.plusSeconds(20).plus(Duration.ofMinutes(5)));
    assertThat(am.klaxonAlerts().at("/alerts/0/occurrences").asLong()).isEqualTo(3);
  }

  @Test
  default void endsAtInThePast_resolvesTheAlert_whichLeavesTheV2List() {
    var am = am();
    Map<String, String> labels = am.labels("DiskFull", "high", "nas-02:9100");
    Instant startsAt = am.now().minusSeconds(300);
    am.post(alerts(alert(labels, Map.of(), startsAt, am.now().plusSeconds(240))));
    assertThat(am.v2().size()).isEqualTo(1);

    am.post(alerts(alert(labels, Map.of(), startsAt, am.now().minusSeconds(1))));

    JsonNode stored = am.klaxonAlerts().at("/alerts/0");
    assertThat(stored.at("/status").asString()).isEqualTo("resolved");
    assertThat(stored.at("/autoResolved").asBoolean()).isTrue();
    assertThat(am.v2().size()).isZero();
    // Prometheus re-sends resolved alerts for a while: that opens nothing.
    am.post(alerts(alert(labels, Map.of(), startsAt, am.now().minusSeconds(1))));
    assertThat(am.klaxonAlerts().at("/total").asLong()).isEqualTo(1);
  }

  @Test
  default void aLateResolveOfAnEarlierFiring_leavesTheNewerOneOpen() {
    var am = am();
    Map<String, String> labels = am.labels("DiskFull", "high", "nas-late:9100");
    Instant startsAt = am.now().minusSeconds(60);
    am.post(alerts(alert(labels, Map.of(), startsAt, am.now().plusSeconds(240))));

    // The resolve of a firing that ended before this one started, arriving late.
    am.post(alerts(alert(labels, Map.of(), startsAt.minusSeconds(600), startsAt.minusSeconds(1))));

    JsonNode stored = am.klaxonAlerts();
    assertThat(stored.at("/total").asLong()).isEqualTo(1);
    assertThat(stored.at("/alerts/0/status").asString()).isEqualTo("open");
    assertThat(am.v2().size()).isEqualTo(1);
    // One that ended at the start of the open alert is its own: it resolves it.
    am.post(alerts(alert(labels, Map.of(), startsAt, startsAt)));
    assertThat(am.klaxonAlerts().at("/alerts/0/status").asString()).isEqualTo("resolved");
  }

  @Test
  default void alertNotSentAgain_resolvesAfterResolveTimeout_fromEndsAtOrFromItsLastReceipt() {
    var am = am();
    am.post(
        alerts(
            alert(am.labels("NoEndsAt", "low", "a:1"), Map.of(), null, null),
            alert(
                am.labels("WithEndsAt", "low", "b:1"), Map.of(), null, am.now().plusSeconds(120))));
    am.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    am.timeouts.resolveOverdue();
    assertThat(am.v2().size()).isEqualTo(2);

    am.clock.advance(Duration.ofSeconds(1)); // received + 5m
    am.timeouts.resolveOverdue();
    assertThat(AlertmanagerFixture.names(am.v2())).containsExactly("b:1");

    am.clock.advance(Duration.ofMinutes(2)); // endsAt + 5m
    am.timeouts.resolveOverdue();
    assertThat(am.v2().size()).isZero();
    JsonNode stored = am.klaxonAlerts();
    assertThat(stored.at("/counts/resolved").asLong()).isEqualTo(2);
    assertThat(stored.at("/alerts/0/autoResolved").asBoolean()).isTrue();
    assertThat(stored.at("/alerts/1/autoResolved").asBoolean()).isTrue();
  }

  @Test
  default void reSendingWithinTheTimeout_keepsTheAlertOpen() {
    var am = am();
    Map<String, Object> alert = alert(am.labels("Flapping", "low", "c:1"), Map.of(), null, null);
    am.post(alerts(alert));
    am.clock.advance(Duration.ofMinutes(4));
    am.post(alerts(alert));
    am.clock.advance(Duration.ofMinutes(4));
    am.timeouts.resolveOverdue();
    assertThat(am.v2().size()).isEqualTo(1);
  }

  @Test
  default void unknownSeverityWord_fallsBackToTheDefault_withoutFailingTheBatch() {
    var am = am();
    am.post(
        alerts(
            am.firing("Paging", "page", "p:1"),
            alert(Map.of("run", am.run, "job", "batch"), Map.of(), null, null)));
    JsonNode stored = am.klaxonAlerts();
    assertThat(stored.at("/total").asLong()).isEqualTo(2);
    assertThat(stored.at("/alerts/0/type").asString()).isEqualTo("unnamed");
    assertThat(stored.at("/alerts/0/subject/type").asString()).isEqualTo("job");
    assertThat(stored.at("/alerts/0/severity").asString()).isEqualTo("medium");
    assertThat(stored.at("/alerts/1/type").asString()).isEqualTo("Paging");
    assertThat(stored.at("/alerts/1/severity").asString()).isEqualTo("medium");
    assertThat(stored.at("/alerts/1/attributes/labels.severity").asString()).isEqualTo("page");
  }
}
