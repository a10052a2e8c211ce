package io.klaxon.server.alertmanager;

import static io.klaxon.server.alertmanager.AlertmanagerFixture.names;
import static io.klaxon.server.alertmanager.AmClient.filters;
import static io.klaxon.server.alertmanager.Payloads.alert;
import static io.klaxon.server.alertmanager.Payloads.alerts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** amtool and Grafana read alerts back through GET /api/v2/alerts. */
interface QueryContract {

  AlertmanagerFixture am();

  @Test
  default void v2List_filtersWithEveryMatcherKind_anchoredAsAlertmanager() {
    var am = am();
    am.post(
        alerts(
            am.firing("DiskFull", "critical", "nas-01:9100"),
            am.firing("DiskFull", "warning", "nas-02:9100"),
            am.firing("HighLoad", "info", "web-1:9100")));

    assertThat(am.v2().size()).isEqualTo(3);
    assertThat(names(am.v2("alertname=DiskFull")))
        .containsExactlyInAnyOrder("nas-01:9100", "nas-02:9100");
    assertThat(names(am.v2("alertname=\"HighLoad\""))).containsExactly("web-1:9100");
    assertThat(names(am.v2("severity!=\"warning\"")))
        .containsExactlyInAnyOrder("nas-01:9100", "web-1:9100");
    assertThat(names(am.v2("instance=~\"nas-.*\"")))
        .containsExactlyInAnyOrder("nas-01:9100", "nas-02:9100");
    assertThat(names(am.v2("instance=~\"nas\""))).isEmpty();
    assertThat(names(am.v2("severity!~\"crit.*|info\""))).containsExactly("nas-02:9100");
    assertThat(names(am.v2("alertname=DiskFull", "severity=~warning")))
        .containsExactly("nas-02:9100");
    assertThat(names(am.v2("team=\"\""))).hasSize(3);
    assertThat(names(am.v2("team!=\"\""))).isEmpty();
  }

  @Test
  default void v2List_answersTheGettableAlertShape_sortedByFingerprint() {
    var am = am();
    am.post(alerts(am.firing("DiskFull", "critical", "nas-01:9100"), am.firing("B", "low", "b:1")));
    JsonNode listed = am.v2();
    assertThat(listed.at("/0/fingerprint").asString())
        .isLessThan(listed.at("/1/fingerprint").asString());
    JsonNode alert = am.v2("alertname=DiskFull").at("/0");
    assertThat(alert.at("/fingerprint").asString())
        .isEqualTo(LabelFingerprint.hex(am.labels("DiskFull", "critical", "nas-01:9100")))
        .hasSize(16);
    assertThat(alert.at("/status/state").asString()).isEqualTo("active");
    assertThat(alert.at("/status/silencedBy").isArray()).isTrue();
    assertThat(alert.at("/status/inhibitedBy").isArray()).isTrue();
    assertThat(alert.at("/receivers/0/name").asString()).isEqualTo("klaxon");
    assertThat(alert.at("/labels/severity").asString()).isEqualTo("critical");
    assertThat(alert.at("/annotations/summary").asString()).isEqualTo("DiskFull on nas-01:9100");
    assertThat(alert.at("/annotations/klaxon_status").asString()).isEqualTo("open");
    assertThat(alert.at("/annotations/klaxon_id").asString()).matches("\\d+");
    assertThat(Instant.parse(alert.at("/startsAt").asString()))
        .isEqualTo(am.now().minusSeconds(60));
    assertThat(Instant.parse(alert.at("/endsAt").asString())).isEqualTo(am.now().plusSeconds(240));
    assertThat(alert.at("/generatorURL").asString()).startsWith("http://prometheus");
  }

  @Test
  default void fingerprint_isAlertmanagers_forAKnownLabelSet() {
    var am = am();
    // prometheus/common model/signature_test.go: 5799056148416392346 = 0x507a62d79ee76c9a
    am.post(
        alerts(
            alert(
                Map.of("name", "garland, briggs", "fear", "love is not enough"),
                Map.of(),
                null,
                null)));
    JsonNode listed = am.api.get("/api/v2/alerts" + filters("name=\"garland, briggs\"")).json();
    assertThat(listed.at("/0/fingerprint").asString()).isEqualTo("507a62d79ee76c9a");
  }

  @Test
  default void acknowledgedAlert_isSuppressed_andShownOnlyWithSilenced() {
    var am = am();
    am.post(
        alerts(am.firing("DiskFull", "critical", "nas-01:9100"), am.firing("Other", "low", "x:1")));
    String id = am.v2("alertname=DiskFull").at("/0/annotations/klaxon_id").asString();
    assertThat(am.api.patch("/api/alerts/" + id, "{\"acknowledged\":true}").status())
        .isEqualTo(200);

    JsonNode acknowledged = am.v2("alertname=DiskFull");
    assertThat(acknowledged.at("/0/status/state").asString()).isEqualTo("suppressed");
    assertThat(acknowledged.at("/0/annotations/klaxon_status").asString())
        .isEqualTo("acknowledged");
    String run = filters("run=" + am.run);
    String amtoolDefault = run + "&active=true&silenced=false&inhibited=false&unprocessed=false";
    assertThat(names(am.api.get("/api/v2/alerts" + amtoolDefault).json())).containsExactly("x:1");
    assertThat(names(am.api.get("/api/v2/alerts" + run + "&active=false").json()))
        .containsExactly("nas-01:9100");
  }

  @Test
  default void groups_holdTheMatchingAlertsInOneGroupOfTheKlaxonReceiver() {
    var am = am();
    am.post(alerts(am.firing("DiskFull", "critical", "nas-01:9100")));
    JsonNode groups = am.api.get("/api/v2/alerts/groups" + filters("run=" + am.run)).json();
    assertThat(groups.size()).isEqualTo(1);
    assertThat(groups.at("/0/receiver/name").asString()).isEqualTo("klaxon");
    assertThat(groups.at("/0/labels").isObject()).isTrue();
    assertThat(names(groups.at("/0/alerts"))).containsExactly("nas-01:9100");
    assertThat(am.api.get("/api/v2/alerts/groups" + filters("run=nothing-" + am.run)).json().size())
        .isZero();
  }
}
