package io.klaxon.server.alertmanager;

import static io.klaxon.server.alertmanager.AlertmanagerFixture.names;
import static io.klaxon.server.alertmanager.AmClient.filters;
import static io.klaxon.server.alertmanager.Payloads.alerts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Silences through Alertmanager's v2 API, answered as Alertmanager answers them. */
interface SilencesV2Contract {

  AlertmanagerFixture am();

  static String silence(String matchers, Instant startsAt, Instant endsAt) {
    return """
    {"matchers":%s,"startsAt":"%s","endsAt":"%s","createdBy":"ann","comment":"disk swap"}
    """
        .formatted(matchers, startsAt, endsAt);
  }

  static String eq(String name, String value) {
    return "{\"name\":\"%s\",\"value\":\"%s\",\"isRegex\":false,\"isEqual\":true}"
        .formatted(name, value);
  }

  private static String create(AlertmanagerFixture am, String body) {
    AmClient.Answer answer = am.api.post("/api/v2/silences", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().at("/silenceID").asString();
  }

  @Test
  default void postedSilence_readsBackAsAlertmanagerShowsIt() {
    var am = am();
    String id =
        create(
            am,
            silence(
                "["
                    + eq("run", am.run)
                    + ",{\"name\":\"severity\",\"value\":\"crit.*\","
                    + "\"isRegex\":true}]",
                am.now(),
                am.now().plus(Duration.ofHours(1))));

    JsonNode silence = am.api.get("/api/v2/silence/" + id).json();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(silence.at("/id").asString()).isEqualTo(id);
    assertThat(silence.at("/status/state").asString()).isEqualTo("active");
    assertThat(silence.at("/matchers/1/name").asString()).isEqualTo("severity");
    assertThat(silence.at("/matchers/1/isRegex").asBoolean()).isTrue();
    assertThat(silence.at("/matchers/1/isEqual").asBoolean()).isTrue();
    assertThat(silence.at("/createdBy").asString()).isEqualTo("ann");
    assertThat(Instant.parse(silence.at("/endsAt").asString()))
        .isEqualTo(am.now().plus(Duration.ofHours(1)));
    assertThat(am.api.get("/api/v2/silences" + filters("run=\"" + am.run + "\"")).json().size())
        .isEqualTo(1);
  }

  @Test
  default void silencedAlert_isSuppressed_withTheSilenceInSilencedBy_andFilteredBySilenced() {
    var am = am();
    am.post(
        alerts(am.firing("DiskFull", "critical", "nas-01:9100"), am.firing("Load", "low", "x:1")));
    String id =
        create(
            am,
            silence(
                "[" + eq("run", am.run) + "," + eq("alertname", "DiskFull") + "]",
                am.now(),
                am.now().plus(Duration.ofHours(1))));

    JsonNode silenced = am.v2("alertname=DiskFull");
    assertThat(silenced.at("/0/status/state").asString()).isEqualTo("suppressed");
    assertThat(silenced.at("/0/status/silencedBy/0").asString()).isEqualTo(id);
    assertThat(silenced.at("/0/status/mutedBy").isArray()).isTrue();
    String run = filters("run=" + am.run);
    assertThat(names(am.api.get("/api/v2/alerts" + run + "&silenced=false").json()))
        .containsExactly("x:1");
    assertThat(names(am.api.get("/api/v2/alerts" + run + "&active=false").json()))
        .containsExactly("nas-01:9100");

    assertThat(am.api.delete("/api/v2/silence/" + id).status()).isEqualTo(200);
    assertThat(am.v2("alertname=DiskFull").at("/0/status/state").asString()).isEqualTo("active");
    assertThat(am.api.get("/api/v2/silence/" + id).json().at("/status/state").asString())
        .isEqualTo("expired");
  }

  @Test
  default void updateWithOtherMatchers_expiresTheOldSilence_andAnswersANewId() {
    var am = am();
    Instant end = am.now().plus(Duration.ofHours(1));
    String id = create(am, silence("[" + eq("run", am.run) + "]", am.now(), end));

    String sameMatchers =
        create(
            am,
            silence("[" + eq("run", am.run) + "]", am.now(), end.plusSeconds(600))
                .replace("{\"matchers\"", "{\"id\":\"" + id + "\",\"matchers\""));
    String otherMatchers =
        create(
            am,
            silence("[" + eq("run", am.run + "x") + "]", am.now(), end)
                .replace("{\"matchers\"", "{\"id\":\"" + id + "\",\"matchers\""));

    assertThat(sameMatchers).isEqualTo(id);
    assertThat(otherMatchers).isNotEqualTo(id);
    assertThat(am.api.get("/api/v2/silence/" + id).json().at("/status/state").asString())
        .isEqualTo("expired");
  }

  @Test
  default void badSilences_areRefusedAsAlertmanagerRefusesThem_andWriteNothing() {
    var am = am();
    int before = am.api.get("/api/v2/silences").json().size();
    Instant now = am.now();

    AmClient.Answer backwards =
        am.api.post(
            "/api/v2/silences", silence("[" + eq("run", am.run) + "]", now, now.minusSeconds(1)));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().asString()).contains("start time must be before end time");
    AmClient.Answer matchesAll =
        am.api.post(
            "/api/v2/silences", silence("[" + eq("run", "") + "]", now, now.plusSeconds(60)));
    assertThat(matchesAll.status()).isEqualTo(400);
    assertThat(matchesAll.json().asString()).contains("must not match the empty string");
    AmClient.Answer badRegex =
        am.api.post(
            "/api/v2/silences",
            silence(
                "[{\"name\":\"a\",\"value\":\"(\",\"isRegex\":true}]", now, now.plusSeconds(60)));
    assertThat(badRegex.status()).isEqualTo(400);
    assertThat(am.api.post("/api/v2/silences", "{\"comment\":\"x\"}").status()).isEqualTo(422);
    assertThat(am.api.post("/api/v2/silences", "[1]").status()).isEqualTo(400);
    AmClient.Answer unknown =
        am.api.post(
            "/api/v2/silences",
            silence("[" + eq("run", am.run) + "]", now, now.plusSeconds(60))
                .replace(
                    "{\"matchers\"",
                    "{\"id\":\"2b0b0a94-0000-4000-8000-000000000000\",\"matchers\""));
    assertThat(unknown.status()).isEqualTo(404);

    assertThat(am.api.get("/api/v2/silences").json().size()).isEqualTo(before);
    assertThat(am.api.get("/api/v2/silence/2b0b0a94-0000-4000-8000-000000000000").status())
        .isEqualTo(404);
    assertThat(am.api.delete("/api/v2/silence/2b0b0a94-0000-4000-8000-000000000000").status())
        .isEqualTo(404);
    assertThat(am.api.get("/api/v2/silence/not-a-uuid").status()).isEqualTo(422);
  }
}
