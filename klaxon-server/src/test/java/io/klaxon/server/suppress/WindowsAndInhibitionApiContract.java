package io.klaxon.server.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Klaxon's maintenance window and inhibition rule APIs over real HTTP, and their effect on alerts
 * in Klaxon's and Alertmanager's APIs; run on SQLite and PostgreSQL by its subclasses. Every test
 * matches on a {@code run} of its own, so tests share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class WindowsAndInhibitionApiContract {

  @LocalServerPort int port;
  Api api;
  String run;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    run = "r" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A daily window that opened an hour ago and stays open two hours more (UTC). */
  private String openWindow(String matchers) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    LocalTime start = LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC);
    return """
    {"name":"patching %s","matchers":%s,"rrule":"FREQ=DAILY","startTime":"%s",
     "timeZone":"UTC","duration":"3h","startDate":"%s","comment":"kernel"}
    """
        .formatted(run, matchers, start, LocalDate.now(ZoneOffset.UTC).minusDays(2));
  }

  private long trigger(String key, String mount) {
    Api.Answer answer =
        api.post(
            "/api/alerts/events",
            """
            {"action":"trigger","dedupKey":"%s","source":"%s","type":"disk","severity":"high",
             "title":"Disk almost full","attributes":{"mount":"%s"}}
            """
                .formatted(key, run, mount));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return api.get("/api/alerts?source=" + run + "&attr.mount=" + mount).number("/alerts/0/id");
  }

  private void postAlertmanager(String alertname, String severity, String instance) {
    Api.Answer answer =
        api.post(
            "/api/v2/alerts",
            """
            [{"labels":{"alertname":"%s","severity":"%s","instance":"%s","run":"%s"}}]
            """
                .formatted(alertname, severity, instance, run));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
  }

  /** Waits for the sweep (it runs every second) to bring the alert to the condition. */
  private Api.Answer alertWhen(long id, Predicate<Api.Answer> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/alerts/" + id), condition);
  }

  private List<JsonNode> amAlerts(String flags) {
    return api.get("/api/v2/alerts?filter=run%3D%22" + run + "%22" + flags)
        .json()
        .valueStream()
        .toList();
  }

  private static boolean suppressed(Api.Answer alert) {
    return alert.json().at("/suppressed").asBoolean();
  }

  @Test
  void window_isCreatedFromWeeklyDays_readListedReplacedAndDeleted() {
    Api.Answer created =
        api.post(
            "/api/maintenance-windows",
            """
            {"name":"weekend %s","matchers":"source=\\"%s\\"","days":["SA","sunday"],
             "startTime":"22:00","timeZone":"Europe/Berlin","duration":"4h",
             "startDate":"2026-01-01","endDate":"2030-12-31"}
            """
                .formatted(run, run));

    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.number("/id");
    assertThat(created.text("/rrule")).isEqualTo("FREQ=WEEKLY;BYDAY=SA,SU");
    assertThat(created.text("/timeZone")).isEqualTo("Europe/Berlin");
    assertThat(created.text("/duration")).isEqualTo("PT4H");
    assertThat(created.text("/matchers")).isEqualTo("{source=\"" + run + "\"}");
    assertThat(created.text("/createdBy")).isEqualTo(Api.ADMIN_ACTOR);
    assertThat(created.json().at("/next/start").isMissingNode()).isFalse();
    assertThat(api.get("/api/maintenance-windows/" + id).text("/name")).isEqualTo("weekend " + run);
    assertThat(api.get("/api/maintenance-windows").json().at("/windows").valueStream())
        .anyMatch(window -> window.at("/id").asLong() == id);

    // Saturday 2026-12-05 and Sunday 2026-12-06 at 22:00 in Berlin (UTC+1).
    Api.Answer occurrences =
        api.get(
            "/api/maintenance-windows/"
                + id
                + "/occurrences?from=2026-12-05T00:00:00Z&to=2026-12-08T00:00:00Z");
    assertThat(occurrences.status()).as(occurrences.raw().body()).isEqualTo(200);
    assertThat(
            occurrences.json().at("/occurrences").valueStream().map(o -> o.at("/start").asString()))
        .containsExactly("2026-12-05T21:00:00Z", "2026-12-06T21:00:00Z");
    assertThat(occurrences.text("/occurrences/0/end")).isEqualTo("2026-12-06T01:00:00Z");

    Api.Answer replaced =
        api.put(
            "/api/maintenance-windows/" + id,
            """
            {"name":"monthly %s","matchers":"source=\\"%s\\"","rrule":"RRULE:FREQ=MONTHLY;BYMONTHDAY=-1",
             "startTime":"23:00","timeZone":"UTC","duration":"PT90M","startDate":"2026-01-01"}
            """
                .formatted(run, run));
    assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(200);
    assertThat(replaced.number("/id")).isEqualTo(id);
    assertThat(
            api.get(
                    "/api/maintenance-windows/"
                        + id
                        + "/occurrences?from=2027-02-01T01:00:00Z&to=2027-04-01T00:00:00Z")
                .json()
                .at("/occurrences")
                .valueStream()
                .map(o -> o.at("/start").asString()))
        .containsExactly("2027-02-28T23:00:00Z", "2027-03-31T23:00:00Z");

    assertThat(api.delete("/api/maintenance-windows/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/maintenance-windows/" + id).status()).isEqualTo(404);
    assertThat(api.delete("/api/maintenance-windows/" + id).status()).isEqualTo(404);
  }

  @Test
  void badWindow_answers400NamingEachField_andWritesNothing() {
    long before = api.get("/api/maintenance-windows").number("/total");

    Api.Answer bad =
        api.post(
            "/api/maintenance-windows",
            """
            {"name":"bad","matchers":"source=~\\"(\\"","rrule":"FREQ=WEEKLY;BYDAY=XX",
             "startTime":"25:00","timeZone":"Mars/Olympus","duration":"soon",
             "startDate":"2026-01-10","endDate":"2026-01-01"}
            """);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.fields()).contains("matchers", "rrule", "startTime", "timeZone", "duration");

    Api.Answer backwards =
        api.post(
            "/api/maintenance-windows",
            """
            {"name":"bad","matchers":"source=x","rrule":"FREQ=DAILY","startTime":"22:00",
             "timeZone":"UTC","duration":"0s","startDate":"2026-01-10","endDate":"2026-01-01"}
            """);
    assertThat(backwards.fields()).containsExactly("duration", "endDate");
    Api.Answer badDay =
        api.post(
            "/api/maintenance-windows",
            """
            {"name":"bad","matchers":"source=x","days":["XY"],"startTime":"22:00",
             "timeZone":"UTC","duration":"1h"}
            """);
    assertThat(badDay.fields()).containsExactly("days[0]");
    Api.Answer matchesAll =
        api.post("/api/maintenance-windows", openWindow("\"source=~\\\".*\\\"\""));
    assertThat(matchesAll.fields()).containsExactly("matchers");
    Api.Answer neverOccurs =
        api.post(
            "/api/maintenance-windows",
            """
            {"name":"bad","matchers":"source=x","rrule":"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
             "startTime":"22:00","timeZone":"UTC","duration":"1h"}
            """);
    assertThat(neverOccurs.fields()).containsExactly("rrule");

    assertThat(api.get("/api/maintenance-windows").number("/total")).isEqualTo(before);
    long id =
        api.post("/api/maintenance-windows", openWindow("\"source=" + run + "\"")).number("/id");
    assertThat(
            api.get("/api/maintenance-windows/" + id + "/occurrences?from=later&to=2020-01-01")
                .fields())
        .containsExactly("from", "to");
    assertThat(
            api.get(
                    "/api/maintenance-windows/"
                        + id
                        + "/occurrences?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z")
                .fields())
        .containsExactly("to");
    assertThat(api.put("/api/maintenance-windows/" + id, "{\"name\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(api.get("/api/maintenance-windows/" + id).text("/name"))
        .isEqualTo("patching " + run);
    api.delete("/api/maintenance-windows/" + id);
  }

  @Test
  void openWindow_mutesMatchingAlerts_inKlaxonAndAlertmanager_untilDeleted() {
    long inside = trigger(run + "-a", "/data");
    long outside = trigger(run + "-b", "/home");
    postAlertmanager("DiskFull", "warning", "db-1");

    Api.Answer preview =
        api.post("/api/maintenance-windows/preview", openWindow("\"run=" + run + "\""));
    assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
    assertThat(preview.number("/total")).isEqualTo(1);
    assertThat(preview.json().at("/occurrences").size()).isPositive();

    Api.Answer created =
        api.post("/api/maintenance-windows", openWindow("\"source=" + run + ",mount=/data\""));
    long id = created.number("/id");
    Api.Answer am = api.post("/api/maintenance-windows", openWindow("\"run=" + run + "\""));
    long amId = am.number("/id");
    assertThat(created.json().at("/open").asBoolean()).isTrue();

    Api.Answer marked = alertWhen(inside, WindowsAndInhibitionApiContract::suppressed);
    assertThat(marked.text("/status")).isEqualTo("open");
    assertThat(marked.text("/suppressedBy/0/kind")).isEqualTo("window");
    assertThat(marked.text("/suppressedBy/0/id")).isEqualTo(Long.toString(id));
    assertThat(marked.text("/suppressedBy/0/until")).isEqualTo(created.text("/next/end"));
    assertThat(suppressed(api.get("/api/alerts/" + outside))).isFalse();

    List<JsonNode> muted = amAlerts("");
    assertThat(muted).hasSize(1);
    assertThat(muted.getFirst().at("/status/state").asString()).isEqualTo("suppressed");
    assertThat(muted.getFirst().at("/status/mutedBy").valueStream().map(JsonNode::asString))
        .containsExactly(Long.toString(amId));
    assertThat(amAlerts("&muted=false")).isEmpty();
    assertThat(amAlerts("&active=false")).hasSize(1);
    assertThat(
            api.get("/api/v2/alerts/groups?muted=false&filter=run%3D%22" + run + "%22")
                .json()
                .valueStream()
                .flatMap(group -> group.at("/alerts").valueStream()))
        .isEmpty();

    assertThat(api.delete("/api/maintenance-windows/" + id).status()).isEqualTo(204);
    assertThat(api.delete("/api/maintenance-windows/" + amId).status()).isEqualTo(204);
    assertThat(suppressed(alertWhen(inside, a -> !suppressed(a)))).isFalse();
    assertThat(amAlerts("&muted=false")).hasSize(1);
  }

  @Test
  void inhibitRule_isAddedReadReplacedAndDeleted_andRefusesBadInputWritingNothing() {
    String name = "crit-" + run;
    Api.Answer created =
        api.post(
            "/api/inhibit-rules",
            """
            {"name":"%s","sourceMatchers":"severity=\\"critical\\"",
             "targetMatchers":"severity=~\\"warning|info\\"","equal":["alertname"]}
            """
                .formatted(name));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.text("/targetMatchers")).isEqualTo("{severity=~\"warning|info\"}");
    assertThat(api.get("/api/inhibit-rules/" + name).text("/sourceMatchers"))
        .isEqualTo("{severity=\"critical\"}");
    assertThat(api.get("/api/v2/status").text("/config/original"))
        .contains(
            "inhibit_rules:",
            "- name: '" + name + "'",
            "  source_matchers:\n  - 'severity=\"critical\"'",
            "  target_matchers:\n  - 'severity=~\"warning|info\"'",
            "  equal:\n  - 'alertname'");
    assertThat(
            api.post(
                    "/api/inhibit-rules",
                    "{\"name\":\"%s\",\"sourceMatchers\":\"a=b\",\"targetMatchers\":\"c=d\"}"
                        .formatted(name))
                .status())
        .isEqualTo(409);

    Api.Answer replaced =
        api.put(
            "/api/inhibit-rules/" + name,
            "{\"sourceMatchers\":\"a=b\",\"targetMatchers\":\"c=d\",\"equal\":[\"x\"]}");
    assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(200);
    assertThat(api.get("/api/inhibit-rules/" + name).json().at("/equal/0").asString())
        .isEqualTo("x");

    int before = api.get("/api/inhibit-rules").json().size();
    Api.Answer bad =
        api.post(
            "/api/inhibit-rules",
            "{\"name\":\"bad name!\",\"sourceMatchers\":\"a=~\\\"(\\\"\",\"equal\":[\"\"]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.fields())
        .containsExactlyInAnyOrder("name", "sourceMatchers", "targetMatchers", "equal[0]");
    assertThat(
            api.put("/api/inhibit-rules/" + name, "{\"name\":\"other\",\"sourceMatchers\":\"a=b\"}")
                .fields())
        .containsExactly("name");
    assertThat(api.get("/api/inhibit-rules").json().size()).isEqualTo(before);
    assertThat(api.get("/api/inhibit-rules/" + name).json().at("/equal/0").asString())
        .isEqualTo("x");

    assertThat(api.delete("/api/inhibit-rules/" + name).status()).isEqualTo(204);
    assertThat(api.get("/api/inhibit-rules/" + name).status()).isEqualTo(404);
    assertThat(api.delete("/api/inhibit-rules/" + name).status()).isEqualTo(404);
  }

  @Test
  void inhibitRule_suppressesTargetsWithEqualLabels_whileTheSourceIsActive() {
    postAlertmanager("NodeDown", "critical", "db-1");
    postAlertmanager("DiskFull", "warning", "db-1");
    postAlertmanager("DiskFull", "warning", "db-2");
    String rule =
        """
        {"name":"node-down-%s","sourceMatchers":"alertname=NodeDown,run=\\"%s\\"",
         "targetMatchers":"severity=warning,run=\\"%s\\"","equal":["instance"]}
        """
            .formatted(run, run, run);

    Api.Answer preview = api.post("/api/inhibit-rules/preview", rule);
    assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
    assertThat(preview.number("/total")).isEqualTo(1);
    assertThat(api.post("/api/inhibit-rules", rule).status()).isEqualTo(201);

    JsonNode alerts = api.get("/api/alerts?source=alertmanager&attr.labels.run=" + run).json();
    long target = -1;
    long source = -1;
    for (JsonNode alert : alerts.at("/alerts")) {
      String labels = alert.at("/attributes").toString();
      if (labels.contains("DiskFull") && labels.contains("db-1")) {
        target = alert.at("/id").asLong();
      } else if (labels.contains("NodeDown")) {
        source = alert.at("/id").asLong();
      }
    }
    Api.Answer inhibited = alertWhen(target, WindowsAndInhibitionApiContract::suppressed);
    assertThat(inhibited.text("/suppressedBy/0/kind")).isEqualTo("inhibition");
    assertThat(inhibited.text("/suppressedBy/0/id")).isEqualTo("node-down-" + run);
    assertThat(preview.number("/alerts/0/inhibitedBy")).isEqualTo(source);

    List<JsonNode> listed = amAlerts("");
    String sourceFingerprint =
        listed.stream()
            .filter(a -> a.at("/labels/alertname").asString().equals("NodeDown"))
            .findFirst()
            .orElseThrow()
            .at("/fingerprint")
            .asString();
    JsonNode targetInAm =
        listed.stream()
            .filter(a -> a.at("/status/inhibitedBy").size() > 0)
            .findFirst()
            .orElseThrow();
    assertThat(targetInAm.at("/labels/instance").asString()).isEqualTo("db-1");
    assertThat(targetInAm.at("/status/state").asString()).isEqualTo("suppressed");
    assertThat(targetInAm.at("/status/inhibitedBy/0").asString()).isEqualTo(sourceFingerprint);
    assertThat(amAlerts("&inhibited=false")).hasSize(2);

    api.post("/api/alerts/" + source + "/resolve", "{}");
    assertThat(suppressed(alertWhen(target, a -> !suppressed(a)))).isFalse();
    assertThat(amAlerts("&inhibited=false")).hasSize(2);
    api.delete("/api/inhibit-rules/node-down-" + run);
  }
}
