package io.klaxon.server.odds;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.jobs.JobLock;
import io.klaxon.server.Api;
import io.klaxon.server.jobs.ExclusiveJobs;
import io.klaxon.server.odds.OddsDay.Event;
import io.klaxon.server.odds.OddsDay.Expected;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.jobs.JdbcJobLock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5 end to end: a day of odds ({@link OddsDay}: 240 events, four bookmakers, a round every
 * twenty minutes) goes through {@code POST /api/signals/odds} on a real port, with the server's
 * clock moved round by round and the expiry job run after each round as its timer would. The day
 * must leave exactly the planted alerts, expired at kick-off (or resolved when the house came
 * back); a round in which another instance holds the expiry job expires nothing, and the job is
 * taken over once that instance's lease runs out. Then retention purges what has been final for
 * longer than {@code alertRetentionDays}. Run on SQLite and PostgreSQL by the subclasses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "klaxon.housekeeping.interval=1h",
      "klaxon.retention.interval=1h",
      "klaxon.retention.batch-size=25",
      "klaxon.hosts.check-interval=1h",
      "klaxon.jobs.lease-ttl=2m"
    })
@Import(OddsDayContract.Clock.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the day first: it expects no other alert
abstract class OddsDayContract {

  static final int EVENTS = 240;

  /** The order of the bookmakers' posts in every round (see {@link OddsDay} on why it matters). */
  static final List<String> POST_ORDER = List.of("onexbet", "sportybet", OddsDay.HOUSE, "bet9ja");

  /**
   * The movable clock, imported by this test only. Deliberately not a {@code @TestConfiguration}:
   * the servers that the durability tests start in a process of their own scan the test classpath
   * without Spring Boot's test filter, and would pick it up as their clock.
   */
  static class Clock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired ExclusiveJobs jobs;

  /** The database the server runs on, for a second instance's job leases. */
  abstract TestDatabase database();

  @Test
  @Order(1)
  void aDayOfOdds_leavesExactlyThePlantedAlerts_expiredAtKickoff_thenPurgedAfterRetention() {
    Api api = new Api(port);
    OddsDay day = new OddsDay(EVENTS);
    clock.set(OddsDay.START.minus(Duration.ofHours(1)));
    Api.Answer mapping = api.postAs("risk-desk", "/api/mappings", OddsDay.mapping());
    assertThat(mapping.status()).as(mapping.raw().body()).isEqualTo(201);
    Api.Answer settings = api.get("/api/settings");
    assertThat(settings.number("/alertRetentionDays")).isEqualTo(7);
    assertThat(settings.text("/houseBookmaker")).isEqualTo(OddsDay.HOUSE);

    int heldRound = roundWithDueAlerts(day);
    JobLock otherInstance = JdbcJobLock.open(database().dataSource(), clock, "other-instance");
    Event acknowledged =
        day.events().stream()
            .filter(e -> e.story() == OddsDay.Story.DRIFT_8)
            .findFirst()
            .orElseThrow();
    long acknowledgedId = 0;

    for (int round = 0; round <= OddsDay.ROUNDS; round++) {
      clock.set(OddsDay.at(round));
      for (String bookmaker : POST_ORDER) {
        String body = day.snapshots(bookmaker, round);
        if (!body.equals("[]")) {
          Api.Answer answer = api.post("/api/signals/odds", body);
          assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        }
      }
      if (round == heldRound) {
        // Another instance runs the expiry now (and then dies without giving the lease up).
        assertThat(otherInstance.tryAcquire("expiry", Duration.ofMinutes(2))).isPresent();
        assertThat(jobs.runNow("expiry")).isFalse();
        assertDueAlertsStillActive(api, day, round);
      } else {
        assertThat(jobs.runNow("expiry")).as("expiry in round " + round).isTrue();
      }
      if (round == acknowledged.moveRound()) {
        JsonNode alert =
            api.get("/api/events/" + acknowledged.id() + "/alerts").json().at("/alerts/0");
        acknowledgedId = alert.at("/id").asLong();
        Api.Answer ack = api.patch("/api/alerts/" + acknowledgedId, "{\"acknowledged\": true}");
        assertThat(ack.status()).as(ack.raw().body()).isEqualTo(200);
        assertThat(ack.text("/status")).isEqualTo("acknowledged");
      }
    }

    List<Expected> expected = day.expected(heldRound);
    Map<String, JsonNode> actual = oddsAlerts(api);
    assertThat(actual.keySet())
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::key).toList());
    for (Expected wanted : expected) {
      assertMatches(actual.get(wanted.key()), wanted, day);
    }
    assertRiskDeskViews(api, expected);

    Api.Answer lateAck = api.patch("/api/alerts/" + acknowledgedId, "{\"acknowledged\": true}");
    assertThat(lateAck.status()).as(lateAck.raw().body()).isEqualTo(409);
    assertThat(lateAck.raw().body()).contains("expired");

    purgeAfterRetention(api, expected, actual);
  }

  @Test
  @Order(2)
  void aRequestWithOneBadSnapshot_isRefusedWhole_namingItemAndField_andRaisesNothing() {
    Api api = new Api(port);
    Instant now = clock.instant();
    String kickoff = now.plus(Duration.ofHours(3)).toString();
    String before = snapshot("bad-1", kickoff, "2.00", now.minusSeconds(600));
    String after = snapshot("bad-1", kickoff, "2.40", now); // +20 %: a critical price_change
    String broken =
        snapshot("bad-1", kickoff, "1.00", now).replace("\"marketName\":\"Match result\",", "");

    Api.Answer refused =
        api.post("/api/signals/odds", "[" + before + "," + after + "," + broken + "]");

    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.fields()).containsExactlyInAnyOrder("[2].marketName", "[2].odds");
    assertThat(api.get("/api/events/bad-1/alerts").number("/total")).isZero();

    Api.Answer accepted = api.post("/api/signals/odds", "[" + before + "," + after + "]");
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
    assertThat(accepted.text("/alerts/0/type")).isEqualTo("price_change");
    assertThat(accepted.text("/alerts/0/severity")).isEqualTo("critical");
  }

  @Test
  @Order(3)
  void settings_changePartly_refuseABadChangeWhole_andRecordWhoChangedWhat() {
    Api api = new Api(port);
    JsonNode was = api.get("/api/settings").json();
    double warning = was.at("/alertThresholdWarning").asDouble();

    // The change is made with a key of its own, whose name the history records.
    Api.Answer changed =
        api.as("risk-lead")
            .put("/api/settings", "{\"alertThresholdWarning\": " + (warning - 1) + "}");
    assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
    assertThat(changed.json().at("/alertThresholdWarning").asDouble()).isEqualTo(warning - 1);
    assertThat(changed.json().at("/alertThresholdCritical"))
        .isEqualTo(was.at("/alertThresholdCritical"));

    Api.Answer bad =
        api.put(
            "/api/settings",
            "{\"alertThresholdWarning\": 99, \"alertRetentionDays\": 0, \"alertLookbackMinutes\":"
                + " 1441}");
    assertThat(bad.status()).as(bad.raw().body()).isEqualTo(400);
    assertThat(bad.fields())
        .contains("alertThresholdElevated", "alertRetentionDays", "alertLookbackMinutes");
    assertThat(api.get("/api/settings").json().at("/alertThresholdWarning").asDouble())
        .isEqualTo(warning - 1);
    assertThat(api.put("/api/settings", "{\"alertThreshold\": 1}").fields())
        .containsExactly("alertThreshold");

    JsonNode latest = api.get("/api/settings/history").json().at("/0");
    assertThat(latest.at("/actor").asString()).isEqualTo("key:risk-lead");
    assertThat(latest.at("/newValue").asString()).contains(String.valueOf(warning - 1));
    assertThat(api.put("/api/settings", "{\"alertThresholdWarning\": " + warning + "}").status())
        .isEqualTo(200);
  }

  private static String snapshot(String event, String kickoff, String odds, Instant at) {
    return "{\"eventId\":\""
        + event
        + "\",\"kickoff\":\""
        + kickoff
        + "\",\"bookmaker\":\"betpawa\",\"marketId\":\"bp-1x2\",\"marketName\":\"Match result\","
        + "\"outcome\":\"1\",\"odds\":"
        + odds
        + ",\"observedAt\":\""
        + at
        + "\"}";
  }

  /** The first round from 04:00 on in which some planted alert's event kicks off. */
  private static int roundWithDueAlerts(OddsDay day) {
    Set<String> alerting =
        day.expected(-1).stream()
            .filter(e -> e.status().equals("expired"))
            .map(Expected::eventId)
            .collect(Collectors.toSet());
    return day.events().stream()
        .filter(e -> alerting.contains(e.id()))
        .mapToInt(OddsDay::kickoffRound)
        .filter(round -> round >= 12)
        .min()
        .orElseThrow();
  }

  private static void assertDueAlertsStillActive(Api api, OddsDay day, int round) {
    int checked = 0;
    for (Event event : day.events()) {
      if (OddsDay.kickoffRound(event) != round) {
        continue;
      }
      for (JsonNode alert : api.get("/api/events/" + event.id() + "/alerts").json().at("/alerts")) {
        if (!alert.at("/status").asString().equals("resolved")) {
          assertThat(alert.at("/status").asString()).isIn("open", "acknowledged");
          checked++;
        }
      }
    }
    assertThat(checked).as("alerts due in the held round").isPositive();
  }

  /** Every odds alert, by event, type, market and outcome. */
  private static Map<String, JsonNode> oddsAlerts(Api api) {
    Api.Answer page = api.get("/api/alerts?source=odds&limit=1000");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.number("/total")).isLessThanOrEqualTo(1000);
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode alert : page.json().at("/alerts")) {
      String key =
          Expected.key(
              alert.at("/subject/key").asString(),
              alert.at("/type").asString(),
              alert.at("/attributes/marketId").asString(),
              alert.at("/attributes/outcome").asString());
      assertThat(byKey.put(key, alert)).as("one alert per rule and series: " + key).isNull();
    }
    return byKey;
  }

  private static void assertMatches(JsonNode alert, Expected wanted, OddsDay day) {
    String which = wanted.key() + ": " + alert;
    Event event =
        day.events().stream()
            .filter(e -> e.id().equals(wanted.eventId()))
            .findFirst()
            .orElseThrow();
    assertThat(alert.at("/severity").asString()).as(which).isEqualTo(wanted.severity());
    assertThat(alert.at("/status").asString()).as(which).isEqualTo(wanted.status());
    assertThat(Instant.parse(alert.at("/resolvedAt").asString()))
        .as(which)
        .isEqualTo(wanted.finalAt());
    assertThat(Instant.parse(alert.at("/expiresAt").asString()))
        .as(which)
        .isEqualTo(event.kickoff());
    assertThat(alert.at("/subject/type").asString()).as(which).isEqualTo("event");
    assertThat(alert.at("/subject/name").asString()).as(which).isEqualTo(event.name());
    if (wanted.value() != null) {
      assertThat(alert.at("/value").asDouble()).as(which).isEqualTo(wanted.value());
      assertThat(alert.at("/changePercent").asDouble()).as(which).isEqualTo(wanted.changePercent());
    }
    if (wanted.previousSeverity() != null) {
      assertThat(alert.at("/previousSeverity").asString())
          .as(which)
          .isEqualTo(wanted.previousSeverity());
    }
    for (Map.Entry<String, Object> attribute : wanted.attributes().entrySet()) {
      JsonNode value = alert.at("/attributes/" + attribute.getKey());
      Object expectedValue = attribute.getValue();
      Object actualValue =
          switch (expectedValue) {
            case Double d -> value.asDouble();
            case Integer i -> value.asInt();
            case Boolean b -> value.asBoolean();
            default -> value.asString();
          };
      assertThat(actualValue)
          .as(which + " attribute " + attribute.getKey())
          .isEqualTo(expectedValue);
    }
  }

  /** The risk desk's reads: stats by type, an event's alerts, the attribute filters. */
  private static void assertRiskDeskViews(Api api, List<Expected> expected) {
    Map<String, Long> byType =
        expected.stream().collect(Collectors.groupingBy(Expected::type, Collectors.counting()));
    JsonNode stats = api.get("/api/alerts/stats?source=odds").json();
    for (Map.Entry<String, Long> type : byType.entrySet()) {
      assertThat(stats.at("/byType/" + type.getKey()).asLong())
          .as(type.getKey())
          .isEqualTo(type.getValue());
    }
    assertThat(stats.at("/byStatus/resolved").asLong())
        .isEqualTo(expected.stream().filter(e -> e.status().equals("resolved")).count());
    assertThat(stats.at("/byStatus/expired").asLong())
        .isEqualTo(expected.stream().filter(e -> e.status().equals("expired")).count());

    String disagreeing =
        expected.stream()
            .filter(e -> e.type().equals("direction_disagreement"))
            .findFirst()
            .orElseThrow()
            .eventId();
    JsonNode eventAlerts = api.get("/api/events/" + disagreeing + "/alerts").json();
    assertThat(eventAlerts.at("/total").asLong()).isEqualTo(2);

    long unmapped = expected.stream().filter(e -> e.market().equals(OddsDay.CORNERS)).count();
    Api.Answer filtered =
        api.get(
            "/api/alerts?attr.bookmaker=" + OddsDay.HOUSE + "&attr.marketId=" + OddsDay.CORNERS);
    assertThat(filtered.number("/total")).isEqualTo(unmapped);
    assertThat(api.get("/api/alerts?attr.marketId=" + OddsDay.MARKET + "&limit=1").number("/total"))
        .isEqualTo(expected.size() - unmapped);
  }

  /**
   * A week and a half-day after the start, alerts final before noon of the day go; the rest stay
   * until the retention setting is cut to one day, which applies at once.
   */
  private void purgeAfterRetention(Api api, List<Expected> expected, Map<String, JsonNode> before) {
    Instant noon = OddsDay.START.plus(Duration.ofHours(12));
    clock.set(noon.plus(Duration.ofDays(7)));
    List<Expected> purged = expected.stream().filter(e -> e.finalAt().isBefore(noon)).toList();
    assertThat(purged).isNotEmpty().hasSizeLessThan(expected.size());

    assertThat(jobs.runNow("retention")).isTrue();

    assertThat(oddsAlerts(api).keySet())
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().filter(e -> !e.finalAt().isBefore(noon)).map(Expected::key).toList());
    long gone = before.get(purged.getFirst().key()).at("/id").asLong();
    assertThat(api.get("/api/alerts/" + gone).status()).isEqualTo(404);
    assertThat(api.get("/api/alerts/" + gone + "/history").status()).isEqualTo(404);

    Api.Answer shorter = api.put("/api/settings", "{\"alertRetentionDays\": 1}");
    assertThat(shorter.status()).as(shorter.raw().body()).isEqualTo(200);
    assertThat(jobs.runNow("retention")).isTrue();

    assertThat(api.get("/api/alerts?source=odds").number("/total")).isZero();
    assertThat(api.get("/actuator/prometheus").raw().body())
        .containsPattern("klaxon_retention_purged_total(\\{[^}]*\\})? " + expected.size() + "\\.0");
  }
}
