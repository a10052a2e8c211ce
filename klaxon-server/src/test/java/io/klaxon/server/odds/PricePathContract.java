package io.klaxon.server.odds;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import io.klaxon.server.jobs.ExclusiveJobs;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's price points over real HTTP, on SQLite and PostgreSQL by the subclasses: an odds alert
 * keeps the house's and each competitor's prices of its window, updated as it updates, bounded by
 * {@code klaxon.odds.max-price-points} (4 here), answered by {@code GET /api/alerts/{id}/prices},
 * and deleted with the alert by retention. And a round sent in two requests that arrive together is
 * judged whole ({@code klaxon.odds.round-grace}, 5 s here so that a loaded machine cannot split
 * them; a lone part of the first test waits that long).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "klaxon.housekeeping.interval=1h",
      "klaxon.retention.interval=1h",
      "klaxon.hosts.check-interval=1h",
      "klaxon.odds.max-price-points=4",
      "klaxon.odds.round-grace=5s"
    })
@Import(PricePathContract.Clock.class)
@DirtiesContext
abstract class PricePathContract {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant KICKOFF = T0.plus(Duration.ofHours(6));

  /** The movable clock, imported by this test only (see {@link OddsDayContract.Clock}). */
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

  abstract TestDatabase database();

  @Test
  void aPriceChange_keepsTheHouseAndEachCompetitor_boundedAndUpdated_thenGoesWithItsAlert()
      throws SQLException {
    Api api = new Api(port);
    clock.set(T0);
    String mapping =
        """
        {"canonicalId": "1x2-paths", "name": "Match result",
         "sourceIds": {"betpawa": "bp-1x2", "sportybet": "sb-1x2"},
         "outcomeMapping": [{"canonical": "1", "sources": {"betpawa": "1", "sportybet": "Home"}}],
         "priority": 1, "reason": "issue 18"}
        """;
    assertThat(api.postAs("risk-desk", "/api/mappings", mapping).status()).isEqualTo(201);
    post(
        api,
        snapshot("betpawa", "bp-1x2", "1", 2.00, 0),
        snapshot("sportybet", "sb-1x2", "Home", 2.05, 0));
    post(api, snapshot("sportybet", "sb-1x2", "Home", 2.10, 5));
    Api.Answer opened = post(api, snapshot("betpawa", "bp-1x2", "1", 2.20, 10));
    long id = opened.number("/alerts/0/alertId");
    assertThat(opened.text("/alerts/0/type")).isEqualTo("price_change");

    Api.Answer prices = api.get("/api/alerts/" + id + "/prices");

    assertThat(prices.status()).as(prices.raw().body()).isEqualTo(200);
    assertThat(prices.text("/openedAt")).isEqualTo(T0.plus(Duration.ofMinutes(10)).toString());
    assertThat(paths(prices))
        .containsExactly("betpawa(house) 2.00@0 2.20@10", "sportybet 2.05@0 2.10@5");

    Api.Answer updated = post(api, snapshot("betpawa", "bp-1x2", "1", 2.40, 20));
    assertThat(updated.number("/alerts/0/alertId")).isEqualTo(id);
    assertThat(paths(api.get("/api/alerts/" + id + "/prices")))
        .as("the newest 4 of 5 points, the house's first among equals")
        .containsExactly("betpawa(house) 2.00@0 2.20@10 2.40@20", "sportybet 2.10@5");
    assertThat(api.get("/api/alerts/987654321/prices").status()).isEqualTo(404);

    assertThat(api.post("/api/alerts/" + id + "/resolve", "{}").status()).isEqualTo(200);
    clock.set(T0.plus(Duration.ofDays(9)));
    assertThat(jobs.runNow("retention")).isTrue();

    assertThat(api.get("/api/alerts/" + id + "/prices").status()).isEqualTo(404);
    assertThat(pointsStored(id)).as("deleted with the alert").isZero();
  }

  @Test
  void aRoundInTwoRequestsThatArriveTogether_isJudgedWhole_inEitherOrder() throws Exception {
    Api api = new Api(port);
    clock.set(T0);
    String mapping =
        """
        {"canonicalId": "1x2-rounds", "name": "Match result",
         "sourceIds": {"betpawa": "bp-1x2-r", "sportybet": "sb-1x2-r"},
         "outcomeMapping": [{"canonical": "1", "sources": {"betpawa": "1", "sportybet": "Home"}},
                            {"canonical": "X", "sources": {"betpawa": "X", "sportybet": "Draw"}}],
         "priority": 1, "reason": "issue 18"}
        """;
    assertThat(api.postAs("risk-desk", "/api/mappings", mapping).status()).isEqualTo(201);
    for (String event : List.of("rounds-1", "rounds-2")) {
      post(
          api,
          round(event, "betpawa", "bp-1x2-r", "1", 0),
          round(event, "sportybet", "sb-1x2-r", "Home", 0));
    }

    // The competitor's Draw first: alone it would say that the house does not offer X.
    CompletableFuture<Api.Answer> competitorFirst =
        CompletableFuture.supplyAsync(
            () -> post(api, round("rounds-1", "sportybet", "sb-1x2-r", "Draw", 1)));
    Api.Answer house = post(api, round("rounds-1", "betpawa", "bp-1x2-r", "X", 1));
    // The house's part first, for the other event.
    CompletableFuture<Api.Answer> houseFirst =
        CompletableFuture.supplyAsync(
            () -> post(api, round("rounds-2", "betpawa", "bp-1x2-r", "X", 1)));
    Api.Answer competitor = post(api, round("rounds-2", "sportybet", "sb-1x2-r", "Draw", 1));

    for (Api.Answer answer :
        List.of(
            competitorFirst.get(1, TimeUnit.MINUTES),
            house,
            houseFirst.get(1, TimeUnit.MINUTES),
            competitor)) {
      assertThat(answer.json().at("/alerts").size()).as(answer.raw().body()).isZero();
    }
    assertThat(api.get("/api/alerts?type=availability").json().at("/alerts").size())
        .as("no availability alert raised, none resolved")
        .isZero();
  }

  private long pointsStored(long alertId) throws SQLException {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM alert_price_points WHERE alert_id = ?")) {
      count.setLong(1, alertId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Api.Answer post(Api api, String... snapshots) {
    Api.Answer answer = api.post("/api/signals/odds", "[" + String.join(",", snapshots) + "]");
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer;
  }

  /** A price of 2.50 at a minute, which does not move the clock (requests run concurrently). */
  private static String round(
      String event, String bookmaker, String market, String outcome, int minute) {
    return String.format(
        Locale.ROOT,
        "{\"eventId\":\"%s\",\"kickoff\":\"%s\",\"bookmaker\":\"%s\",\"marketId\":\"%s\","
            + "\"marketName\":\"Match result\",\"outcome\":\"%s\",\"odds\":2.50,"
            + "\"available\":true,\"observedAt\":\"%s\"}",
        event,
        KICKOFF,
        bookmaker,
        market,
        outcome,
        T0.plus(Duration.ofMinutes(minute)));
  }

  private String snapshot(
      String bookmaker, String market, String outcome, double odds, int minute) {
    clock.set(T0.plus(Duration.ofMinutes(minute)));
    return String.format(
        Locale.ROOT,
        "{\"eventId\":\"paths-1\",\"eventName\":\"Arsenal v Chelsea\",\"kickoff\":\"%s\","
            + "\"bookmaker\":\"%s\",\"marketId\":\"%s\",\"marketName\":\"Match result\","
            + "\"outcome\":\"%s\",\"odds\":%.2f,\"available\":true,\"observedAt\":\"%s\"}",
        KICKOFF,
        bookmaker,
        market,
        outcome,
        odds,
        T0.plus(Duration.ofMinutes(minute)));
  }

  /** Each bookmaker as "name(house) odds@minute …". */
  private static List<String> paths(Api.Answer answer) {
    List<String> paths = new ArrayList<>();
    for (JsonNode bookmaker : answer.json().at("/bookmakers")) {
      StringBuilder path =
          new StringBuilder(bookmaker.at("/bookmaker").asString())
              .append(bookmaker.at("/house").asBoolean() ? "(house)" : "");
      for (JsonNode point : bookmaker.at("/points")) {
        long minute = Duration.between(T0, Instant.parse(point.at("/at").asString())).toMinutes();
        path.append(String.format(Locale.ROOT, " %.2f@%d", point.at("/odds").asDouble(), minute));
      }
      paths.add(path.toString());
    }
    return paths;
  }
}
