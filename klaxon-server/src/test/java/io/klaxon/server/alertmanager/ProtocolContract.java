package io.klaxon.server.alertmanager;

import static io.klaxon.server.alertmanager.AmClient.filters;
import static io.klaxon.server.alertmanager.Payloads.alert;
import static io.klaxon.server.alertmanager.Payloads.alerts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook, status and receivers, and refusals answered as Alertmanager answers them. */
interface ProtocolContract {

  AlertmanagerFixture am();

  @Test
  default void webhook_firingTriggers_resolvedResolves_andNoTimeoutApplies() {
    var am = am();
    Map<String, Object> alert = am.firing("DiskFull", "critical", "nas-01:9100");
    alert.remove("endsAt");
    AmClient.Answer fired =
        am.api.post("/api/integrations/alertmanager", Payloads.webhook("firing", List.of(alert)));
    assertThat(fired.status()).as(fired.body()).isEqualTo(200);
    assertThat(fired.json().at("/results/0/outcome").asString()).isEqualTo("created");
    String fingerprint =
        "am:" + LabelFingerprint.hex(am.labels("DiskFull", "critical", "nas-01:9100"));
    assertThat(fired.json().at("/results/0/fingerprint").asString()).isEqualTo(fingerprint);
    assertThat(am.klaxonAlerts().at("/alerts/0/attributes/receivedVia").asString())
        .isEqualTo("webhook");

    am.clock.advance(
        Duration.ofHours(1)); // an Alertmanager repeats firing alerts only every few hours
    am.timeouts.resolveOverdue();
    assertThat(am.v2().size()).isEqualTo(1);

    alert.put("endsAt", am.now().toString());
    AmClient.Answer resolved =
        am.api.post("/api/integrations/alertmanager", Payloads.webhook("resolved", List.of(alert)));
    assertThat(resolved.json().at("/results/0/outcome").asString()).isEqualTo("resolved");
    assertThat(am.klaxonAlerts().at("/alerts/0/status").asString()).isEqualTo("resolved");
  }

  @Test
  default void webhook_malformed_isAProblem_andWritesNothing() {
    var am = am();
    Map<String, Object> good = am.firing("Good", "low", "g:1");
    Map<String, Object> bad = am.firing("Bad", "low", "b:1");
    bad.put("labels", Map.of("alertname", 7));
    AmClient.Answer answer =
        am.api.post(
            "/api/integrations/alertmanager", Payloads.webhook("firing", List.of(good, bad)));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().at("/errors/0/field").asString())
        .isEqualTo("alerts[1].labels.alertname");
    assertThat(am.api.post("/api/integrations/alertmanager", "{\"version\":\"4\"}").status())
        .isEqualTo(400);
    assertThat(am.klaxonAlerts().at("/total").asLong()).isZero();
  }

  @Test
  default void statusAndReceivers_answerWhatAmtoolAndGrafanaRead() {
    var am = am();
    JsonNode status = am.api.get("/api/v2/status").json();
    assertThat(status.at("/cluster/status").asString()).isEqualTo("disabled");
    assertThat(status.at("/cluster/peers").isArray()).isTrue();
    assertThat(status.at("/versionInfo/version").asString()).startsWith("klaxon-");
    assertThat(status.at("/versionInfo/goVersion").isString()).isTrue();
    assertThat(status.at("/config/original").asString())
        .contains("resolve_timeout: 5m", "receiver: klaxon", "- name: klaxon");
    assertThat(status.at("/uptime").asString()).endsWith("Z");
    assertThat(am.api.get("/api/v2/receivers").json().at("/0/name").asString()).isEqualTo("klaxon");
    assertThat(am.api.get("/api/v2/silence/2b0b0a94-0000-4000-8000-000000000000").status())
        .isEqualTo(404);
  }

  @Test
  default void malformedBodies_answer400_andWriteNothing() {
    var am = am();
    AmClient.Answer notJson = am.api.post("/api/v2/alerts", "[{");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().at("/code").asInt()).isEqualTo(400);
    assertThat(notJson.json().at("/message").asString())
        .startsWith("parsing alerts body from \"\" failed, because ");
    assertThat(am.api.post("/api/v2/alerts", "{\"labels\":{}}").status()).isEqualTo(400);
    Map<String, Object> wrongType = am.firing("Typed", "low", "t:1");
    wrongType.put("labels", Map.of("alertname", 1, "run", am.run));
    assertThat(am.api.post("/api/v2/alerts", alerts(wrongType)).json().at("/message").asString())
        .contains("[0].labels.alertname: must be a string");

    Map<String, Object> backwards =
        alert(am.labels("Backwards", "low", "b:1"), Map.of(), am.now(), am.now().minusSeconds(5));
    AmClient.Answer invalid =
        am.api.post(
            "/api/v2/alerts",
            alerts(
                am.firing("Valid", "low", "v:1"),
                backwards,
                alert(Map.of("run", ""), Map.of(), null, null)));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().asString())
        .isEqualTo(
            "[1].endsAt: start time must be before end time; [2].labels: at least one label pair"
                + " required");
    assertThat(am.klaxonAlerts().at("/total").asLong()).isZero();
  }

  @Test
  default void bodiesBeyondPrometheusShape_areReadLeniently_theLastOfARepeatedNameCounting() {
    var am = am();
    am.post(
        "[{\"labels\":{\"alertname\":\"First\",\"run\":\""
            + am.run
            + "\"},\"labels\":{\"alertname\":\"Repeated\",\"run\":\""
            + am.run
            + "\",\"instance\":\"r:1\",\"empty\":\"\"},\"annotations\":null,"
            + "\"status\":\"ignored\",\"startsAt\":\"\"}]");

    JsonNode stored = am.klaxonAlerts();
    assertThat(stored.at("/total").asLong()).isEqualTo(1);
    assertThat(stored.at("/alerts/0/type").asString()).isEqualTo("Repeated");
    assertThat(stored.at("/alerts/0/attributes/labels.instance").asString()).isEqualTo("r:1");
    assertThat(stored.at("/alerts/0/attributes").has("labels.empty")).isFalse();
  }

  @Test
  default void badMatchersAndFlags_answer400WithAlertmanagersMessage() {
    var am = am();
    AmClient.Answer noOperator = am.api.get("/api/v2/alerts" + filters("alertname"));
    assertThat(noOperator.status()).isEqualTo(400);
    assertThat(noOperator.json().asString()).isEqualTo("bad matcher format: alertname");
    assertThat(am.api.get("/api/v2/alerts" + filters("{alertname=\"x\"}")).status()).isEqualTo(400);
    AmClient.Answer badRegex = am.api.get("/api/v2/alerts" + filters("alertname=~\"(\""));
    assertThat(badRegex.status()).isEqualTo(400);
    assertThat(badRegex.json().asString()).startsWith("error parsing regexp");
    AmClient.Answer badFlag = am.api.get("/api/v2/alerts?active=maybe");
    assertThat(badFlag.status()).isEqualTo(400);
    assertThat(badFlag.json().at("/message").asString())
        .isEqualTo("active in query must be of type bool: \"maybe\"");
    assertThat(am.api.get("/api/v2/alerts?receiver=(").status()).isEqualTo(400);
    assertThat(am.api.get("/api/v2/alerts?receiver=other").json().size()).isZero();
  }
}
