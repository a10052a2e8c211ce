package io.klaxon.server.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.server.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 18's metric history over real HTTP, run unchanged on SQLite and PostgreSQL by its
 * subclasses: samples posted to {@code /api/signals/metrics} answered as points by {@code GET
 * /api/servers/{id}/metrics}, rolled into minutes and deleted by the retention job (run by hand
 * after moving the server's clock), and gone with their server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"klaxon.hosts.check-interval=1h", "klaxon.hosts.sample-retention-interval=1h"})
@Import(MetricHistoryContract.Clock.class)
@DirtiesContext
abstract class MetricHistoryContract {

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
  @Autowired MetricRetention retention;
  Api api;
  String server;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    server = "hist-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void samples_areAnsweredAsOnePointAStep_withMinAvgMax_andTheThresholds() {
    Instant t = minuteAgo(30);
    String[] samples = {
      sample("cpu", 10, t), sample("cpu", 20, t.plusSeconds(10)),
      sample("cpu", 60, t.plusSeconds(20)), sample("cpu", 30, t.plusSeconds(70)),
      sample("memory", 50, t)
    };
    assertThat(post(samples).status()).isEqualTo(200);
    assertThat(post(samples).status()).as("sent again: kept once").isEqualTo(200);

    Api.Answer cpu = get("metric=cpu&from=" + t + "&to=" + t.plusSeconds(120) + "&step=60");

    assertThat(cpu.status()).as(cpu.raw().body()).isEqualTo(200);
    assertThat(cpu.number("/step")).isEqualTo(60);
    assertThat(cpu.text("/series/0/metric")).isEqualTo("cpu");
    assertThat(cpu.json().at("/series/0/high").asDouble()).isEqualTo(85.0);
    assertThat(cpu.json().at("/series/0/critical").asDouble()).isEqualTo(95.0);
    assertThat(points(cpu, 0))
        .containsExactly(t + " 10.0/30.0/60.0 x3", t.plusSeconds(60) + " 30.0/30.0/30.0 x1");
    Api.Answer all = get("from=" + t + "&to=" + t.plusSeconds(120) + "&step=PT1M");
    assertThat(all.json().at("/series").size()).isEqualTo(3);
    assertThat(all.text("/series/1/metric")).isEqualTo("memory");
    assertThat(points(all, 1)).containsExactly(t + " 50.0/50.0/50.0 x1");
    assertThat(all.json().at("/series/2/points").size()).as("no disk samples").isZero();
  }

  @Test
  void badInput_isRefusedWith400NamingTheField_andAnUnknownServerWith404() {
    post(sample("cpu", 10, minuteAgo(5)));
    Instant t = minuteAgo(5);

    assertThat(get("metric=temperature").fields()).containsExactly("metric");
    assertThat(get("from=" + t + "&to=" + t.minusSeconds(1)).fields()).containsExactly("from");
    assertThat(get("step=0").fields()).containsExactly("step");
    assertThat(get("step=PT0.5S").fields()).containsExactly("step");
    assertThat(get("step=often").fields()).containsExactly("step");
    assertThat(get("from=yesterday").fields()).containsExactly("from");
    Api.Answer tooMany = get("from=" + t.minus(Duration.ofDays(2)) + "&to=" + t + "&step=1");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.fields()).containsExactly("step");
    assertThat(api.get("/api/servers/nobody-" + server + "/metrics").status()).isEqualTo(404);
  }

  @Test
  void retention_rollsOldSamplesIntoMinutesWithTheSamePoints_thenDeletesThem() {
    Instant old = minuteAgo(2 * 24 * 60);
    Instant recent = minuteAgo(60);
    post(
        sample("disk", 10, old),
        sample("disk", 20, old.plusSeconds(15)),
        sample("disk", 30, old.plusSeconds(30)),
        sample("disk", 40, recent));
    String oldMinute = "metric=disk&from=" + old + "&to=" + old.plusSeconds(59) + "&step=60";
    assertThat(points(get(oldMinute), 0)).containsExactly(old + " 10.0/20.0/30.0 x3");

    MetricHistory.Retained first = retention.run();

    assertThat(first.rolledUp()).isGreaterThanOrEqualTo(3);
    assertThat(points(get(oldMinute), 0))
        .as("one minute row, read as the samples were")
        .containsExactly(old + " 10.0/20.0/30.0 x3");
    String recentMinute = "metric=disk&from=" + recent + "&to=" + recent + "&step=1";
    assertThat(points(get(recentMinute), 0)).containsExactly(recent + " 40.0/40.0/40.0 x1");

    clock.advance(Duration.ofDays(8));
    MetricHistory.Retained second = retention.run();

    assertThat(second.deleted()).isGreaterThanOrEqualTo(2);
    assertThat(points(get(oldMinute), 0)).isEmpty();
    assertThat(points(get(recentMinute), 0)).as("rolled up, then past retention").isEmpty();
  }

  @Test
  void aDeletedServer_takesItsHistory() {
    Instant t = minuteAgo(10);
    post(sample("memory", 42, t));
    String range = "metric=memory&from=" + t + "&to=" + t + "&step=1";
    assertThat(points(get(range), 0)).hasSize(1);

    assertThat(api.delete("/api/servers/" + server).status()).isEqualTo(204);
    assertThat(get(range).status()).isEqualTo(404);
    post(sample("memory", 1, minuteAgo(1))); // registered again, by its next sample

    assertThat(points(get(range), 0)).isEmpty();
  }

  private Instant minuteAgo(int minutes) {
    return clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes));
  }

  private Api.Answer get(String query) {
    return api.get("/api/servers/" + server + "/metrics?" + query);
  }

  private Api.Answer post(String... samples) {
    return api.post("/api/signals/metrics", "[" + String.join(",", samples) + "]");
  }

  private String sample(String metric, double value, Instant at) {
    return "{\"server\":\"%s\",\"metric\":\"%s\",\"value\":%s,\"observedAt\":\"%s\"}"
        .formatted(server, metric, value, at);
  }

  /** A series' points as "at min/avg/max xN". */
  private static List<String> points(Api.Answer answer, int series) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    List<String> points = new ArrayList<>();
    answer
        .json()
        .at("/series/" + series + "/points")
        .forEach(
            p ->
                points.add(
                    p.path("at").asString()
                        + " "
                        + p.path("min").asDouble()
                        + "/"
                        + p.path("avg").asDouble()
                        + "/"
                        + p.path("max").asDouble()
                        + " x"
                        + p.path("samples").asLong()));
    return points;
  }
}
