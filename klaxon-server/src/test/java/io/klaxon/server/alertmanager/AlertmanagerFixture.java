package io.klaxon.server.alertmanager;

import static io.klaxon.server.alertmanager.AmClient.filters;
import static io.klaxon.server.alertmanager.Payloads.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A Klaxon server on a real port for the Alertmanager contracts ({@link IngestContract}, {@link
 * QueryContract}, {@link ProtocolContract}), which its subclasses run on SQLite and PostgreSQL.
 * Every test labels its alerts with a {@code run} of its own, so tests share one server; time is a
 * clock the tests move, and the resolve-timeout job is run by hand. The materializer does not fold
 * the re-trigger log into the alerts' rows during a test, so every read must be exact while the
 * rows lag, as the engine promises on the instance that took the change.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "klaxon.alertmanager.check-interval=1h",
      "klaxon.engine.materialize-every=1h",
      "klaxon.engine.max-materializer-lag=2h"
    })
@Import(TestClockConfiguration.class)
@DirtiesContext
abstract class AlertmanagerFixture {

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired ResolveTimeouts timeouts;
  AmClient api;
  String run;

  @BeforeEach
  void setUp() {
    api = new AmClient(port);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  public Instant now() {
    return clock.instant();
  }

  public Map<String, String> labels(String alertname, String severity, String instance) {
    return Map.of(
        "alertname",
        alertname,
        "severity",
        severity,
        "instance",
        instance,
        "job",
        "node",
        "run",
        run);
  }

  public Map<String, Object> firing(String alertname, String severity, String instance) {
    return alert(
        labels(alertname, severity, instance),
        Map.of("summary", alertname + " on " + instance, "description", "details"),
        now().minusSeconds(60),
        now().plusSeconds(240));
  }

  public void post(String body) {
    AmClient.Answer answer = api.post("/api/v2/alerts", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
  }

  /** Klaxon's own view of this run's alerts, newest first. */
  public JsonNode klaxonAlerts() {
    return api.get("/api/alerts?source=alertmanager&attr.labels.run=" + run).json();
  }

  public JsonNode v2(String... matchers) {
    String[] all = new String[matchers.length + 1];
    all[0] = "run=\"" + run + "\"";
    System.arraycopy(matchers, 0, all, 1, matchers.length);
    AmClient.Answer answer = api.get("/api/v2/alerts" + filters(all));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  /** The fixture, for the contracts' default methods. */
  public AlertmanagerFixture am() {
    return this;
  }

  /** The instance label of each listed alert, in the list's order. */
  static List<String> names(JsonNode alerts) {
    return alerts.valueStream().map(alert -> alert.at("/labels/instance").asString()).toList();
  }
}
