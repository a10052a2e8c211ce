package io.klaxon.server.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The host API over real HTTP, run unchanged on SQLite and PostgreSQL by its subclasses. The
 * server's clock is a {@link MovableClock}; the scheduled check is pushed an hour out, and tests
 * run it when they have moved the clock. Every test works on servers of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"klaxon.hosts.check-interval=1h"})
@Import(HostsApiContract.Clock.class)
@DirtiesContext
abstract class HostsApiContract {

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired OfflineCheck check;
  @Autowired ScheduledTaskHolder scheduled;
  Api api;
  String server;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    server = "srv-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void threeCpuSamplesInARow_openOneAlert_listedUnderTheAutoRegisteredServer() {
    Api.Answer answer =
        metrics(
            sample(server, "cpu", 90, 0),
            sample(server, "cpu", 91, 1),
            sample(server, "cpu", 92, 2));

    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    assertThat(answer.number("/accepted")).isEqualTo(3);
    assertThat(answer.text("/registered/0")).isEqualTo(server);
    assertThat(answer.text("/changes/0/outcome")).isEqualTo("created");
    assertThat(answer.text("/changes/0/severity")).isEqualTo("high");
    long id = answer.number("/changes/0/alertId");
    assertThat(api.get("/api/servers/" + server).json().at("/autoRegistered").asBoolean()).isTrue();
    Api.Answer alerts = api.get("/api/servers/" + server + "/alerts?status=open");
    assertThat(alerts.status()).isEqualTo(200);
    assertThat(alerts.number("/total")).isEqualTo(1);
    assertThat(alerts.number("/alerts/0/id")).isEqualTo(id);
    assertThat(alerts.text("/alerts/0/type")).isEqualTo("cpu");
    assertThat(alerts.text("/alerts/0/source")).isEqualTo("hosts");
    Api.Answer badFilter = api.get("/api/servers/" + server + "/alerts?status=bogus");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.fields()).containsExactly("status");
    Api.Answer states = api.get("/api/servers/" + server + "/states");
    assertThat(states.text("/0/type")).isEqualTo("cpu");
    assertThat(states.number("/0/consecutiveBreaches")).isEqualTo(3);
    assertThat(states.number("/0/activeAlertId")).isEqualTo(id);
  }

  @Test
  void aRiseToCritical_escalates_andTwoSamplesUnder_resolveWithAutoResolved() {
    long id = metrics(sample(server, "disk", 85, 0)).number("/changes/0/alertId");

    Api.Answer escalated = metrics(sample(server, "disk", 96, 1));
    assertThat(escalated.text("/changes/0/outcome")).isEqualTo("updated");
    assertThat(escalated.text("/changes/0/severity")).isEqualTo("critical");

    Api.Answer resolved = metrics(sample(server, "disk", 40, 2), sample(server, "disk", 40, 3));
    assertThat(resolved.text("/changes/0/outcome")).isEqualTo("resolved");
    Api.Answer alert = api.get("/api/alerts/" + id);
    assertThat(alert.text("/status")).isEqualTo("resolved");
    assertThat(alert.json().at("/autoResolved").asBoolean()).isTrue();
    assertThat(alert.text("/previousSeverity")).isEqualTo("high");
  }

  @Test
  void aSilentServerGoesOfflineWhenTheCheckRuns_andComesBackWithItsNextHeartbeat() {
    assertThat(heartbeat(server, "{}").status()).isEqualTo(200);
    assertThat(api.get("/api/servers/" + server).text("/status")).isEqualTo("online");

    clock.advance(Duration.ofSeconds(180));
    check.run();

    assertThat(api.get("/api/servers/" + server).text("/status")).isEqualTo("offline");
    Api.Answer offline = api.get("/api/servers/" + server + "/alerts?type=offline");
    assertThat(offline.text("/alerts/0/severity")).isEqualTo("critical");
    Api.Answer back = heartbeat(server, "{}");
    assertThat(back.text("/changes/0/type")).isEqualTo("offline");
    assertThat(back.text("/changes/0/outcome")).isEqualTo("resolved");
    assertThat(api.get("/api/servers/" + server).text("/status")).isEqualTo("online");
  }

  @Test
  void aServiceReportedDown_opensServiceDown_andUp_resolvesIt() {
    Api.Answer down = heartbeat(server, "{\"nginx\":\"down\",\"ssh\":\"UP\"}");
    assertThat(down.text("/changes/0/type")).isEqualTo("service_down");
    assertThat(down.text("/changes/0/service")).isEqualTo("nginx");
    assertThat(down.text("/changes/0/severity")).isEqualTo("high");

    clock.advance(Duration.ofSeconds(1));
    Api.Answer up = heartbeat(server, "{\"nginx\":\"up\"}");
    assertThat(up.text("/changes/0/outcome")).isEqualTo("resolved");
    assertThat(up.number("/changes/0/alertId")).isEqualTo(down.number("/changes/0/alertId"));
  }

  @Test
  void badSamples_refuseTheWholeRequest_namingEachItemAndField_andNothingIsWritten() {
    String future = clock.instant().plusSeconds(3600).toString();
    Api.Answer answer =
        api.post(
            "/api/signals/metrics",
            "["
                + sample(server, "cpu", 99, 0)
                + ",{\"server\":\""
                + server
                + "\",\"metric\":\"cpu\",\"value\":101}"
                + ",{\"server\":\""
                + server
                + "\",\"metric\":\"gpu\",\"value\":5}"
                + ",{\"server\":\""
                + server
                + "\",\"metric\":\"disk\",\"value\":5,\"observedAt\":\""
                + future
                + "\"}"
                + ",{\"server\":\""
                + server
                + "\",\"metric\":\"disk\",\"value\":\"lots\"}"
                + ",{\"server\":\"no/such id\",\"metric\":\"disk\",\"value\":5}"
                + ",{\"metric\":\"disk\"}]");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.raw().headers().firstValue("Content-Type"))
        .get()
        .asString()
        .contains("problem+json");
    assertThat(answer.fields())
        .containsExactly(
            "[1].value",
            "[2].metric",
            "[3].observedAt",
            "[4].value",
            "[5].server",
            "[6].server",
            "[6].value");
    assertThat(api.get("/api/servers/" + server).status()).isEqualTo(404);
  }

  @Test
  void aBadHeartbeat_isRefusedNamingTheField() {
    Api.Answer answer = heartbeat(server, "{\"nginx\":\"sleeping\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.fields()).containsExactly("services.nginx");
    assertThat(api.get("/api/servers/" + server).status()).isEqualTo(404);
  }

  @Test
  void serversAreRegisteredDescribedListedAndRefusedWhenTheyClash() {
    Api.Answer created =
        api.post(
            "/api/servers",
            "{\"id\":\"" + server + "\",\"hostname\":\"nas.lan\",\"tags\":[\"home\"]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location")).contains("/api/servers/" + server);
    assertThat(created.text("/displayName")).isEqualTo("nas.lan");
    assertThat(created.text("/status")).isEqualTo("unknown");

    Api.Answer again = api.post("/api/servers", "{\"id\":\"" + server + "\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("/field")).isEqualTo("id");

    Api.Answer renamed =
        api.put("/api/servers/" + server, "{\"displayName\":\"The NAS\",\"tags\":[\"a\",\"b\"]}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.text("/displayName")).isEqualTo("The NAS");
    assertThat(renamed.text("/hostname")).isEqualTo(server);
    assertThat(renamed.json().at("/tags").size()).isEqualTo(2);

    Api.Answer list = api.get("/api/servers?limit=1000");
    assertThat(list.json().at("/servers").findValuesAsString("id")).contains(server);
    assertThat(api.put("/api/servers/" + server + "-x", "{}").status()).isEqualTo(404);
    assertThat(api.post("/api/servers", "{\"id\":\"a b\"}").fields()).containsExactly("id");
    assertThat(api.get("/api/servers?limit=0&sort=id").fields()).containsExactly("sort", "limit");
  }

  @Test
  void deletingAServer_removesItsAlertsTheirHistoryAndItsStates() {
    long alert = metrics(sample(server, "disk", 99, 0)).number("/changes/0/alertId");
    heartbeat(server, "{\"nginx\":\"down\"}");

    Api.Answer deleted = api.deleteAs("alice", "/api/servers/" + server);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/alerts/" + alert).status()).isEqualTo(404);
    assertThat(api.get("/api/alerts/" + alert + "/history").status()).isEqualTo(404);
    assertThat(api.get("/api/alerts?source=hosts&subjectKey=" + server).number("/total")).isZero();
    assertThat(api.get("/api/servers/" + server).status()).isEqualTo(404);
    assertThat(api.get("/api/servers/" + server + "/states").status()).isEqualTo(404);
    assertThat(api.get("/api/servers/" + server + "/alerts").status()).isEqualTo(404);
    assertThat(api.deleteAs("alice", "/api/servers/" + server).status()).isEqualTo(404);
  }

  @Test
  void settingsAreReadValidatedAndSaved_andAutoRegistrationCanBeTurnedOff() {
    Api.Answer defaults = api.get("/api/settings/hosts");
    assertThat(defaults.json().at("/cpu/high").asDouble()).isEqualTo(85);
    assertThat(defaults.json().at("/disk/consecutive").asInt()).isEqualTo(1);
    assertThat(defaults.number("/offlineAfterSeconds")).isEqualTo(180);
    String saved = defaults.raw().body();
    try {
      Api.Answer bad =
          api.put(
              "/api/settings/hosts",
              saved
                  .replace("\"autoResolveSamples\":2", "\"autoResolveSamples\":0")
                  .replace("\"high\":85.0", "\"high\":99.0")
                  .replace(",\"autoRegister\":true", ""));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.fields()).containsExactly("autoRegister");
      bad =
          api.put(
              "/api/settings/hosts",
              saved
                  .replace("\"autoResolveSamples\":2", "\"autoResolveSamples\":0")
                  .replace("\"high\":85.0", "\"high\":99.0"));
      assertThat(bad.fields())
          .containsExactly("cpu.critical", "memory.critical", "autoResolveSamples");

      Api.Answer off =
          api.put(
              "/api/settings/hosts",
              saved.replace("\"autoRegister\":true", "\"autoRegister\":false"));
      assertThat(off.status()).as(off.raw().body()).isEqualTo(200);
      assertThat(api.get("/api/settings/hosts").json().at("/autoRegister").asBoolean()).isFalse();

      Api.Answer refused = metrics(sample(server, "cpu", 50, 0));
      assertThat(refused.status()).isEqualTo(404);
      assertThat(api.get("/api/servers/" + server).status()).isEqualTo(404);
    } finally {
      assertThat(api.put("/api/settings/hosts", saved).status()).isEqualTo(200);
    }
  }

  @Test
  void theHostApiIsInTheOpenApiDocument() {
    Api.Answer docs = api.get("/v3/api-docs");

    assertThat(docs.json().at("/paths").propertyNames())
        .contains(
            "/api/servers",
            "/api/servers/{id}",
            "/api/servers/{id}/alerts",
            "/api/servers/{id}/states",
            "/api/signals/metrics",
            "/api/signals/heartbeats",
            "/api/settings/hosts");
  }

  @Test
  void theCheckIsScheduledEveryCheckInterval() {
    assertThat(scheduled.getScheduledTasks())
        .anySatisfy(
            task -> {
              assertThat(task.getTask()).isInstanceOf(FixedDelayTask.class);
              assertThat(((FixedDelayTask) task.getTask()).getIntervalDuration())
                  .isEqualTo(Duration.ofHours(1));
            });
  }

  private Api.Answer metrics(String... samples) {
    return api.post("/api/signals/metrics", "[" + String.join(",", samples) + "]");
  }

  private Api.Answer heartbeat(String id, String services) {
    clock.advance(Duration.ofSeconds(1));
    return api.post(
        "/api/signals/heartbeats",
        "{\"server\":\""
            + id
            + "\",\"observedAt\":\""
            + clock.instant()
            + "\",\"services\":"
            + services
            + "}");
  }

  /** A sample {@code step} seconds after the clock, which moves on a minute per call. */
  private String sample(String id, String metric, double value, int step) {
    if (step == 0) {
      clock.advance(Duration.ofMinutes(1));
    }
    Instant at = clock.instant().minusSeconds(10).plusSeconds(step);
    return "{\"server\":\"%s\",\"metric\":\"%s\",\"value\":%s,\"observedAt\":\"%s\"}"
        .formatted(id, metric, value, at);
  }
}
