package io.klaxon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The alert REST API over real HTTP, run unchanged on SQLite and PostgreSQL by its subclasses.
 * Every test works on its own producer ({@code source}), so tests share one server and database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"klaxon.api.max-body-size=256KB"})
@DirtiesContext
abstract class AlertApiContract {

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired io.klaxon.engine.AlertEngine engine;
  Api api;
  String source;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    source = "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String trigger(String dedupKey, String severity) {
    return """
    {"action":"trigger","dedupKey":"%s","source":"%s","type":"disk","severity":"%s",
     "title":"Disk almost full","subject":{"type":"server","key":"nas-%s","name":"NAS"},
     "value":91.5,"threshold":90,"attributes":{"mount":"/data","strategyId":123,"critical":true}}
    """
        .formatted(dedupKey, source, severity, source);
  }

  private long created(String body) {
    Api.Answer answer = api.post("/api/alerts/events", body);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.number("/results/0/alertId");
  }

  private long count(String query) {
    return api.get("/api/alerts?source=" + source + query).number("/total");
  }

  @Test
  void triggeringCreatesAnAlertAndReTriggeringUpdatesTheSameOne() {
    Api.Answer first = api.post("/api/alerts/events", trigger(source + "-k", "warning"));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.text("/results/0/outcome")).isEqualTo("created");
    assertThat(first.text("/results/0/fingerprint")).isEqualTo(source + "-k");
    long id = first.number("/results/0/alertId");

    Api.Answer second = api.post("/api/alerts/events", trigger(source + "-k", "critical"));
    assertThat(second.text("/results/0/outcome")).isEqualTo("updated");
    assertThat(second.number("/results/0/alertId")).isEqualTo(id);

    Api.Answer alert = api.get("/api/alerts/" + id);
    assertThat(alert.status()).isEqualTo(200);
    assertThat(alert.text("/severity")).isEqualTo("critical");
    assertThat(alert.text("/previousSeverity")).isEqualTo("medium");
    assertThat(alert.text("/status")).isEqualTo("open");
    assertThat(alert.number("/occurrences")).isEqualTo(2);
    assertThat(alert.number("/version")).isEqualTo(2);
    assertThat(alert.text("/subject/key")).isEqualTo("nas-" + source);
    assertThat(alert.json().at("/attributes/strategyId").asInt()).isEqualTo(123);
    assertThat(alert.json().at("/attributes/critical").asBoolean()).isTrue();
    assertThat(alert.json().at("/value").asDouble()).isEqualTo(91.5);
    assertThat(count("&status=open")).isEqualTo(1);
  }

  @Test
  void anArrayOfEventsIsAnsweredPerItemInOrder() {
    String body =
        "["
            + trigger(source + "-a", "high")
            + ","
            + trigger(source + "-b", "low")
            + ","
            + trigger(source + "-a", "high")
            + "]";
    Api.Answer answer = api.post("/api/alerts/events", body);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode results = answer.json().get("results");
    assertThat(results.size()).isEqualTo(3);
    assertThat(answer.text("/results/0/outcome")).isEqualTo("created");
    assertThat(answer.text("/results/1/outcome")).isEqualTo("created");
    assertThat(answer.text("/results/2/outcome")).isEqualTo("updated");
    assertThat(answer.number("/results/2/alertId")).isEqualTo(answer.number("/results/0/alertId"));
    assertThat(count("")).isEqualTo(2);
  }

  @Test
  void withoutADedupKeyTheFingerprintComesFromSourceSubjectAndType() {
    String event =
        """
        {"action":"trigger","source":"%s","type":"offline","severity":"high","title":"down",
         "subject":{"type":"server","key":"web-1"}}
        """
            .formatted(source);
    Api.Answer first = api.post("/api/alerts/events", event);
    Api.Answer again = api.post("/api/alerts/events", event);
    assertThat(first.text("/results/0/fingerprint")).isEqualTo(source + "|server/web-1|offline");
    assertThat(again.text("/results/0/outcome")).isEqualTo("updated");
    assertThat(again.number("/results/0/alertId")).isEqualTo(first.number("/results/0/alertId"));
  }

  @Test
  void acknowledgeAndResolveEventsActOnTheActiveAlertOfTheDedupKey() {
    long id = created(trigger(source + "-k", "high"));
    String ack =
        """
        {"action":"acknowledge","dedupKey":"%s-k","source":"%s","type":"disk"}
        """
            .formatted(source, source);
    Api.Answer acknowledged = api.post("/api/alerts/events", ack);
    assertThat(acknowledged.text("/results/0/outcome")).isEqualTo("acknowledged");
    assertThat(acknowledged.number("/results/0/alertId")).isEqualTo(id);

    String resolve = ack.replace("acknowledge", "resolve");
    assertThat(api.post("/api/alerts/events", resolve).text("/results/0/outcome"))
        .isEqualTo("resolved");
    Api.Answer nothingActive = api.post("/api/alerts/events", resolve);
    assertThat(nothingActive.text("/results/0/outcome")).isEqualTo("unchanged");
    assertThat(nothingActive.json().at("/results/0/alertId").isNull()).isTrue();

    long reopened = created(trigger(source + "-k", "high"));
    assertThat(reopened).isNotEqualTo(id);
    assertThat(api.get("/api/alerts/" + id).text("/status")).isEqualTo("resolved");
  }

  @Test
  void invalidEventsAreRefusedNamingEveryBadFieldAndNothingIsWritten() {
    String body =
        "["
            + trigger(source + "-ok", "high")
            + ","
            + """
            {"action":"trigger","source":"%s","type":"disk","severity":"apocalyptic"}
            """
                .formatted(source)
            + ","
            + """
            {"action":"explode","source":"%s","type":"disk"}
            """
                .formatted(source)
            + "]";
    Api.Answer answer = api.post("/api/alerts/events", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    String fields =
        answer
            .json()
            .get("errors")
            .valueStream()
            .map(e -> e.get("field").asString())
            .collect(Collectors.joining(","));
    assertThat(fields).contains("[1].title", "[1].severity", "[2].action");
    assertThat(answer.text("/detail")).contains("apocalyptic");
    assertThat(count("")).isZero();
  }

  @Test
  void malformedJsonUnknownFieldsAndWrongTypesAreRefusedWith400() {
    Api.Answer malformed = api.post("/api/alerts/events", "{\"action\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    Api.Answer unknown =
        api.post(
            "/api/alerts/events",
            """
            {"action":"trigger","source":"%s","type":"t","severity":"low","title":"x","severty":"high"}
            """
                .formatted(source));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("/errors/0/field")).isEqualTo("severty");

    Api.Answer wrongType =
        api.post(
            "/api/alerts/events",
            "[{\"action\":\"trigger\",\"source\":\"%s\",\"type\":\"t\",\"severity\":\"low\",\"title\":\"x\",\"value\":\"lots\"}]"
                .formatted(source));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.text("/errors/0/field")).isEqualTo("[0].value");

    Api.Answer badTime =
        api.post(
            "/api/alerts/events",
            "{\"action\":\"trigger\",\"source\":\"%s\",\"type\":\"t\",\"severity\":\"low\",\"title\":\"x\",\"occurredAt\":\"yesterday\"}"
                .formatted(source));
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.text("/errors/0/field")).isEqualTo("occurredAt");
    assertThat(count("")).isZero();
  }

  @Test
  void bodiesOverTheLimitAndTooManyEventsGet413() {
    String big =
        "["
            + IntStream.range(0, 2000)
                .mapToObj(i -> trigger(source + i, "low"))
                .collect(Collectors.joining(","))
            + "]";
    Api.Answer tooBig = api.post("/api/alerts/events", big);
    assertThat(tooBig.status()).isEqualTo(413);

    String many = "[" + "{},".repeat(10_000) + "{}]";
    Api.Answer tooMany = api.post("/api/alerts/events", many);
    assertThat(tooMany.status()).isEqualTo(413);
    assertThat(count("")).isZero();
  }

  @Test
  void listFiltersByEveryField() {
    created(trigger(source + "-1", "critical"));
    long low = created(trigger(source + "-2", "low"));
    created(
        """
        {"action":"trigger","dedupKey":"%s-3","source":"%s","type":"price_change","severity":"elevated",
         "title":"Price moved 12%% on Arsenal","message":"house moved first",
         "subject":{"type":"event","key":"%s-e1","name":"Arsenal v Spurs"},
         "attributes":{"bookmaker":"house","strategyId":"77"}}
        """
            .formatted(source, source, source));
    api.patch("/api/alerts/" + low, "{\"acknowledged\":true}");

    assertThat(count("")).isEqualTo(3);
    assertThat(count("&severity=critical,high")).isEqualTo(2);
    assertThat(count("&severity=critical&severity=low")).isEqualTo(2);
    assertThat(count("&status=acknowledged")).isEqualTo(1);
    assertThat(count("&status=new")).isEqualTo(2);
    assertThat(count("&type=price_change")).isEqualTo(1);
    assertThat(count("&subjectType=event&subjectKey=" + source + "-e1")).isEqualTo(1);
    assertThat(count("&q=ARSENAL")).isEqualTo(1);
    assertThat(count("&q=moved%20first")).isEqualTo(1);
    assertThat(count("&attr.strategyId=123")).isEqualTo(2);
    assertThat(count("&attr.strategyId=77")).isEqualTo(1);
    assertThat(count("&attr.critical=true")).isEqualTo(2);
    assertThat(count("&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z")).isEqualTo(3);
    assertThat(count("&to=2000-01-01T00:00:00Z")).isZero();

    Api.Answer list = api.get("/api/alerts?source=" + source + "&status=open");
    assertThat(list.number("/total")).isEqualTo(2);
    assertThat(list.number("/counts/open")).isEqualTo(2);
    assertThat(list.number("/counts/acknowledged")).isEqualTo(1);
    assertThat(list.number("/counts/resolved")).isZero();
  }

  @Test
  void pagesAreStableAndSortable() {
    for (int i = 0; i < 5; i++) {
      created(trigger(source + "-" + i, i % 2 == 0 ? "low" : "critical"));
    }
    Api.Answer first = api.get("/api/alerts?source=" + source + "&limit=2");
    Api.Answer second = api.get("/api/alerts?source=" + source + "&limit=2&offset=2");
    Api.Answer third = api.get("/api/alerts?source=" + source + "&limit=2&offset=4");
    assertThat(first.number("/total")).isEqualTo(5);
    assertThat(first.json().get("alerts").size()).isEqualTo(2);
    assertThat(third.json().get("alerts").size()).isEqualTo(1);
    var ids =
        java.util.stream.Stream.of(first, second, third)
            .flatMap(a -> a.json().get("alerts").valueStream())
            .map(a -> a.get("id").asLong())
            .toList();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .hasSize(5)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    Api.Answer bySeverity = api.get("/api/alerts?source=" + source + "&sort=-severity");
    assertThat(bySeverity.text("/alerts/0/severity")).isEqualTo("critical");
    assertThat(bySeverity.text("/alerts/4/severity")).isEqualTo("low");
    Api.Answer ascending = api.get("/api/alerts?source=" + source + "&sort=severity");
    assertThat(ascending.text("/alerts/0/severity")).isEqualTo("low");
  }

  @Test
  void badQueryParametersAreRefusedNamingEachOne() {
    Api.Answer answer =
        api.get("/api/alerts?status=sleeping&limit=1001&sort=colour&from=yesterday&severty=high");
    assertThat(answer.status()).isEqualTo(400);
    String fields =
        answer
            .json()
            .get("errors")
            .valueStream()
            .map(e -> e.get("field").asString())
            .collect(Collectors.joining(","));
    assertThat(fields).contains("status", "limit", "sort", "from", "severty");
    assertThat(api.get("/api/alerts?limit=1001").text("/errors/0/field")).isEqualTo("limit");
    assertThat(api.get("/api/alerts?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/alerts?offset=-1").status()).isEqualTo(400);
    assertThat(api.get("/api/alerts/stats?severity=dire").status()).isEqualTo(400);
  }

  @Test
  void statsCountUnderTheSameFilters() {
    created(trigger(source + "-1", "critical"));
    created(trigger(source + "-2", "critical"));
    long resolved = created(trigger(source + "-3", "low"));
    api.post("/api/alerts/" + resolved + "/resolve", "{}");

    Api.Answer stats = api.get("/api/alerts/stats?source=" + source);
    assertThat(stats.status()).isEqualTo(200);
    assertThat(stats.number("/total")).isEqualTo(3);
    assertThat(stats.number("/byStatus/open")).isEqualTo(2);
    assertThat(stats.number("/byStatus/resolved")).isEqualTo(1);
    assertThat(stats.number("/byStatus/dismissed")).isZero();
    assertThat(stats.number("/bySeverity/critical")).isEqualTo(2);
    assertThat(stats.number("/bySeverity/info")).isZero();
    assertThat(stats.number("/byType/disk")).isEqualTo(3);
    assertThat(stats.number("/bySource/" + source)).isEqualTo(3);
    assertThat(api.get("/api/alerts/stats?source=" + source + "&status=open").number("/total"))
        .isEqualTo(2);
  }

  @Test
  void unknownAlertsAre404AndMalformedIdsAre400() {
    assertThat(api.get("/api/alerts/987654321987").status()).isEqualTo(404);
    assertThat(api.get("/api/alerts/987654321987/history").status()).isEqualTo(404);
    assertThat(api.patch("/api/alerts/987654321987", "{\"acknowledged\":true}").status())
        .isEqualTo(404);
    assertThat(api.post("/api/alerts/987654321987/resolve", "{}").status()).isEqualTo(404);
    Api.Answer malformed = api.get("/api/alerts/abc");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.text("/errors/0/field")).isEqualTo("id");
  }

  @Test
  void acknowledgingByPatchAndTheHistoryThatRecordsIt() {
    long id = created(trigger(source + "-k", "high"));
    Api.Answer acknowledged =
        api.as("alice").patch("/api/alerts/" + id, "{\"acknowledged\":true,\"note\":\"on it\"}");
    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.text("/status")).isEqualTo("acknowledged");
    assertThat(acknowledged.json().at("/acknowledgedAt").isNull()).isFalse();
    assertThat(acknowledged.text("/acknowledgedBy")).isEqualTo("key:alice");

    Api.Answer again = api.patch("/api/alerts/" + id, "{\"acknowledged\":true}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.number("/version")).isEqualTo(2);

    Api.Answer unacknowledged = api.patch("/api/alerts/" + id, "{\"acknowledged\":false}");
    assertThat(unacknowledged.text("/status")).isEqualTo("open");
    assertThat(unacknowledged.json().at("/acknowledgedAt").isNull()).isTrue();
    assertThat(unacknowledged.json().at("/acknowledgedBy").isNull()).isTrue();

    assertThat(api.patch("/api/alerts/" + id, "{}").status()).isEqualTo(400);
    assertThat(api.patch("/api/alerts/" + id, "{\"acknowledged\":\"maybe\"}").status())
        .isEqualTo(400);

    Api.Answer history = api.get("/api/alerts/" + id + "/history");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().size()).isEqualTo(3);
    assertThat(history.text("/0/action")).isEqualTo("created");
    assertThat(history.text("/1/action")).isEqualTo("acknowledged");
    assertThat(history.text("/1/actor")).isEqualTo("key:alice");
    assertThat(history.text("/1/note")).isEqualTo("on it");
    assertThat(history.text("/1/fromStatus")).isEqualTo("open");
    assertThat(history.text("/2/action")).isEqualTo("unacknowledged");
    assertThat(history.text("/2/actor")).isEqualTo(Api.ADMIN_ACTOR);
  }

  @Test
  void finalAlertsRefuseTransitionsWith409NamingTheirStatusButTakeNotes() {
    long id = created(trigger(source + "-k", "high"));
    Api.Answer dismissed = api.post("/api/alerts/" + id + "/dismiss", "{\"note\":\"test box\"}");
    assertThat(dismissed.status()).isEqualTo(200);
    assertThat(dismissed.text("/status")).isEqualTo("dismissed");
    assertThat(dismissed.json().at("/resolvedAt").isNull()).isFalse();

    Api.Answer refused = api.post("/api/alerts/" + id + "/resolve", "{}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.text("/currentStatus")).isEqualTo("dismissed");
    assertThat(api.patch("/api/alerts/" + id, "{\"acknowledged\":true}").status()).isEqualTo(409);

    Api.Answer noted = api.post("/api/alerts/" + id + "/notes", "{\"text\":\"was a drill\"}");
    assertThat(noted.status()).isEqualTo(200);
    assertThat(noted.number("/version")).isEqualTo(3);
    assertThat(api.post("/api/alerts/" + id + "/notes", "{\"text\":\"  \"}").status())
        .isEqualTo(400);
    assertThat(api.get("/api/alerts/" + id + "/history").text("/2/note")).isEqualTo("was a drill");
  }

  @Test
  void bulkChangesAnswerPerIdAndRefusalsDoNotStopTheOthers() {
    long a = created(trigger(source + "-a", "high"));
    long b = created(trigger(source + "-b", "high"));
    api.post("/api/alerts/" + b + "/resolve", "{}");
    Api.Answer answer =
        api.post(
            "/api/alerts/bulk",
            "{\"action\":\"acknowledge\",\"ids\":[%d,%d,987654321987]}".formatted(a, b));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/results/0/outcome")).isEqualTo("acknowledged");
    assertThat(answer.text("/results/1/outcome")).isEqualTo("refused");
    assertThat(answer.number("/results/1/error/status")).isEqualTo(409);
    assertThat(answer.number("/results/2/error/status")).isEqualTo(404);
    assertThat(api.get("/api/alerts/" + a).text("/status")).isEqualTo("acknowledged");

    assertThat(api.post("/api/alerts/bulk", "{\"action\":\"explode\",\"ids\":[1]}").status())
        .isEqualTo(400);
    assertThat(api.post("/api/alerts/bulk", "{\"action\":\"resolve\",\"ids\":[]}").status())
        .isEqualTo(400);
    assertThat(api.get("/api/alerts/" + a).text("/status")).isEqualTo("acknowledged");
  }

  @Test
  void alertsAreListedBySubjectAndBySportsEvent() {
    created(
        """
        {"action":"trigger","source":"%s","type":"price_change","severity":"high","title":"moved",
         "subject":{"type":"event","key":"%s","name":"Arsenal v Spurs"}}
        """
            .formatted(source, source));
    created(trigger(source + "-disk", "low"));
    Api.Answer byEvent = api.get("/api/events/" + source + "/alerts");
    assertThat(byEvent.status()).isEqualTo(200);
    assertThat(byEvent.number("/total")).isEqualTo(1);
    assertThat(byEvent.text("/alerts/0/subject/name")).isEqualTo("Arsenal v Spurs");
    Api.Answer bySubject = api.get("/api/subjects/server/nas-" + source + "/alerts?status=open");
    assertThat(bySubject.number("/total")).isEqualTo(1);
    assertThat(api.get("/api/subjects/server/nas-" + source + "/alerts?status=bogus").status())
        .isEqualTo(400);
  }

  @Test
  void openApiHealthAndMetricsAreServed() {
    Api.Answer docs = api.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().at("/paths").propertyNames())
        .contains("/api/alerts", "/api/alerts/events", "/api/alerts/{id}");
    assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    Api.Answer health = api.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("/status")).isEqualTo("UP");
    Api.Answer metrics = api.get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().body())
        .contains("jvm_memory_used_bytes", "klaxon_writer_queue_depth", "klaxon_alerts_active");
  }

  @Test
  void theWritePathReportsItsCommitsAsMetrics() {
    created(trigger(source + "-m", "low"));
    String metrics = api.get("/actuator/prometheus").raw().body();
    assertThat(metrics)
        .contains("klaxon_writer_commands_total", "klaxon_writer_commit_seconds_count")
        .containsPattern("klaxon_writer_alerts_written_total(\\{[^}]*\\})? [1-9]");
  }

  @Test
  void bodiesThatAreNotJsonAndWrongMethodsAreRefused() {
    Api.Answer text =
        api.send(
            api.request("/api/alerts/events")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("disk full")));
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).startsWith("application/problem+json");
    Api.Answer delete = api.send(api.request("/api/alerts/events").DELETE());
    assertThat(delete.status()).isEqualTo(405);
    assertThat(api.get("/api/nothing-here").status()).isEqualTo(404);
    assertThat(api.post("/api/alerts/events", "42").status()).isEqualTo(400);
    assertThat(api.post("/api/alerts/events", "[]").status()).isEqualTo(400);
    assertThat(count("")).isZero();
  }

  @Test
  void tradingDecisionsRaiseAlertsByActionAndUrgencyAndHoldRaisesNone() {
    String strategy = source;
    Api.Answer answer =
        api.post(
            "/api/signals/decisions",
            """
            [{"action":"CLOSE","urgency":"IMMEDIATE","rule":"take_profit","symbol":"SPY",
              "strategyId":"%s","reason":"75%% of max profit","metadata":{"pnl":412.5},
              "decidedAt":"2026-11-23T05:00:00Z"},
             {"action":"HOLD","urgency":"LOW","rule":"theta","symbol":"SPY","strategyId":"%s",
              "reason":"nothing to do","decidedAt":"2026-11-23T05:00:00Z"},
             {"action":"ROLL","urgency":"NORMAL","rule":"dte","symbol":"QQQ","strategyId":"%s-2",
              "reason":"21 days left","decidedAt":"2026-11-23T05:00:00Z"}]
            """
                .formatted(strategy, strategy, strategy));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    assertThat(answer.text("/results/0/outcome")).isEqualTo("created");
    assertThat(answer.text("/results/0/severity")).isEqualTo("critical");
    assertThat(answer.text("/results/0/alertClass")).isEqualTo("critical");
    assertThat(answer.text("/results/1/outcome")).isEqualTo("skipped");
    assertThat(answer.text("/results/2/severity")).isEqualTo("medium");

    Api.Answer bySymbol =
        api.get("/api/alerts?source=decisions&attr.symbol=SPY&attr.strategyId=" + strategy);
    assertThat(bySymbol.number("/total")).isEqualTo(1);
    assertThat(bySymbol.text("/alerts/0/title")).contains("Take Profit");
    assertThat(bySymbol.text("/alerts/0/message")).isEqualTo("75% of max profit");
    assertThat(bySymbol.json().at("/alerts/0/attributes/metadata/pnl").asDouble()).isEqualTo(412.5);
  }

  @Test
  void decisionAlertsAreFoundByClassSeverityStatusTimeRangeAndLimit() {
    String symbol = source; // unique to this test
    Api.Answer answer =
        api.post(
            "/api/signals/decisions",
            """
            [{"action":"CLOSE","urgency":"IMMEDIATE","rule":"stop_loss","symbol":"%1$s","strategyId":"1",
              "reason":"r","decidedAt":"2026-11-23T05:00:00Z"},
             {"action":"CLOSE","urgency":"HIGH","rule":"take_profit","symbol":"%1$s","strategyId":"2",
              "reason":"r","decidedAt":"2026-11-23T06:00:00Z"},
             {"action":"ROLL","urgency":"NORMAL","rule":"dte","symbol":"%1$s","strategyId":"3",
              "reason":"r","decidedAt":"2026-11-23T07:00:00Z"}]
            """
                .formatted(symbol));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    long warning = answer.number("/results/1/alertId");
    assertThat(api.patch("/api/alerts/" + warning, "{\"acknowledged\":true}").status())
        .isEqualTo(200);
    String mine = "/api/alerts?source=decisions&attr.symbol=" + symbol;

    assertThat(api.get(mine + "&attr.class=info").text("/alerts/0/attributes/rule"))
        .isEqualTo("dte");
    assertThat(api.get(mine + "&attr.class=warning").number("/alerts/0/id")).isEqualTo(warning);
    assertThat(api.get(mine + "&attr.strategyId=1&severity=critical").number("/total"))
        .isEqualTo(1);
    assertThat(api.get(mine + "&status=acknowledged").number("/alerts/0/id")).isEqualTo(warning);
    assertThat(api.get(mine + "&status=open").number("/total")).isEqualTo(2);
    Api.Answer window = api.get(mine + "&from=2026-11-23T05:30:00Z&to=2026-11-23T06:30:00Z");
    assertThat(window.number("/total")).isEqualTo(1);
    assertThat(window.number("/alerts/0/id")).isEqualTo(warning);
    Api.Answer first = api.get(mine + "&limit=1");
    assertThat(first.number("/total")).isEqualTo(3);
    assertThat(first.json().get("alerts").size()).isEqualTo(1);
    assertThat(first.text("/alerts/0/attributes/rule")).isEqualTo("dte"); // newest first
  }

  @Test
  void badDecisionsAreRefusedNamingEachFieldAndRaiseNothing() {
    Api.Answer answer =
        api.post(
            "/api/signals/decisions",
            """
            [{"action":"CLOSE","urgency":"IMMEDIATE","rule":"take_profit","strategyId":"%s",
              "reason":"ok","decidedAt":"2026-11-23T05:00:00Z"},
             {"action":"SELL","urgency":"HIGH","rule":"x","reason":"r","decidedAt":"2026-11-23T05:00:00Z"},
             {"action":"CLOSE","urgency":"HIGH","rule":"x","reason":"r","decidedAt":"soon"}]
            """
                .formatted(source));
    assertThat(answer.status()).isEqualTo(400);
    String fields =
        answer
            .json()
            .get("errors")
            .valueStream()
            .map(e -> e.get("field").asString())
            .collect(Collectors.joining(","));
    assertThat(fields).contains("[1].action", "[2].decidedAt");
    assertThat(api.get("/api/alerts?source=decisions&attr.strategyId=" + source).number("/total"))
        .isZero();
  }

  private String snapshot(
      String event, double odds, java.time.Instant observedAt, java.time.Instant kickoff) {
    return """
    {"eventId":"%s","eventName":"Arsenal v Spurs","kickoff":"%s","bookmaker":"betpawa",
     "marketId":"1x2","marketName":"Match result","outcome":"1","odds":%s,"observedAt":"%s"}
    """
        .formatted(event, kickoff, odds, observedAt);
  }

  @Test
  void aHousePriceMoveRaisesAPriceChangeAlertOnTheEventThatExpiresAtKickOff() {
    java.time.Instant now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    java.time.Instant kickoff = now.plus(java.time.Duration.ofDays(1));
    String event = source;
    Api.Answer answer =
        api.post(
            "/api/signals/odds",
            "["
                + snapshot(event, 2.00, now.minusSeconds(600), kickoff)
                + ","
                + snapshot(event, 2.30, now.minusSeconds(300), kickoff)
                + "]");
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    assertThat(answer.number("/snapshots")).isEqualTo(2);
    assertThat(answer.text("/alerts/0/type")).isEqualTo("price_change");
    assertThat(answer.text("/alerts/0/severity")).isEqualTo("critical");

    Api.Answer onEvent = api.get("/api/events/" + event + "/alerts");
    assertThat(onEvent.number("/total")).isEqualTo(1);
    assertThat(onEvent.text("/alerts/0/expiresAt")).isEqualTo(kickoff.toString());
    assertThat(onEvent.json().at("/alerts/0/value").asDouble()).isEqualTo(2.30);
    assertThat(onEvent.json().at("/alerts/0/changePercent").asDouble()).isEqualTo(15.0);
    assertThat(onEvent.text("/alerts/0/subject/name")).isEqualTo("Arsenal v Spurs");
  }

  @Test
  void aBadSnapshotRefusesTheWholeRequestNamingItsField() {
    java.time.Instant now = java.time.Instant.now();
    java.time.Instant kickoff = now.plus(java.time.Duration.ofDays(1));
    Api.Answer answer =
        api.post(
            "/api/signals/odds",
            "["
                + snapshot(source, 2.00, now.minusSeconds(600), kickoff)
                + ","
                + snapshot(source, 1.00, now.minusSeconds(300), kickoff)
                + "]");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/errors/0/field")).isEqualTo("[1].odds");
    assertThat(api.get("/api/events/" + source + "/alerts").number("/total")).isZero();
  }

  @Test
  void alertsExpireAtTheirDeadlineAndCannotBeAcknowledgedAfterwards() {
    java.time.Instant kickoff = java.time.Instant.now().plus(java.time.Duration.ofDays(3650));
    long id =
        created(
            """
            {"action":"trigger","source":"%s","type":"price_change","severity":"high","title":"moved",
             "subject":{"type":"event","key":"%s"},"expiresAt":"%s"}
            """
                .formatted(source, source, kickoff));

    assertThat(engine.expireDue(kickoff, Actor.of("klaxon"))).isPositive();

    Api.Answer expired = api.get("/api/alerts/" + id);
    assertThat(expired.text("/status")).isEqualTo("expired");
    assertThat(api.get("/api/alerts?status=past&source=" + source).number("/total")).isEqualTo(1);
    Api.Answer refused = api.patch("/api/alerts/" + id, "{\"acknowledged\":true}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("/currentStatus")).isEqualTo("expired");
    assertThat(api.get("/api/alerts/" + id + "/history").text("/1/actor")).isEqualTo("klaxon");
  }

  @Test
  void alertSettingsChangeInPartApplyAtOnceAreRecordedAndRefuseBadValuesWhole() {
    Api.Answer defaults = api.get("/api/settings");
    assertThat(defaults.status()).isEqualTo(200);
    assertThat(defaults.json().at("/alertThresholdWarning").asDouble()).isEqualTo(7.0);
    assertThat(defaults.text("/houseBookmaker")).isEqualTo("betpawa");

    Api.Answer bad =
        api.send(
            api.request("/api/settings")
                .header("Content-Type", "application/json")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"alertThresholdWarning\":12.0,\"alertLookbackMinutes\":5000}")));
    assertThat(bad.status()).isEqualTo(400);
    String fields =
        bad.json()
            .get("errors")
            .valueStream()
            .map(e -> e.get("field").asString())
            .collect(Collectors.joining(","));
    assertThat(fields).contains("alertThresholdElevated", "alertLookbackMinutes");
    assertThat(api.get("/api/settings").json().at("/alertThresholdWarning").asDouble())
        .isEqualTo(7.0);

    try {
      Api.Answer changed =
          api.as("risk-lead").put("/api/settings", "{\"alertThresholdWarning\":3.0}");
      assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
      assertThat(changed.json().at("/alertThresholdWarning").asDouble()).isEqualTo(3.0);
      assertThat(changed.json().at("/alertThresholdElevated").asDouble()).isEqualTo(10.0);

      java.time.Instant now =
          java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      java.time.Instant kickoff = now.plus(java.time.Duration.ofDays(1));
      Api.Answer moved =
          api.post(
              "/api/signals/odds",
              "["
                  + snapshot(source, 2.00, now.minusSeconds(600), kickoff)
                  + ","
                  + snapshot(source, 2.10, now.minusSeconds(300), kickoff)
                  + "]");
      assertThat(moved.text("/alerts/0/severity"))
          .as("a 5%% move is past the new warning")
          .isEqualTo("medium");

      Api.Answer history = api.get("/api/settings/history");
      assertThat(history.text("/0/actor")).isEqualTo("key:risk-lead");
      assertThat(history.text("/0/newValue")).contains("3.0");
    } finally {
      api.send(
          api.request("/api/settings")
              .header("Content-Type", "application/json")
              .PUT(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      "{\"alertThresholdWarning\":7.0}")));
    }
  }
}
