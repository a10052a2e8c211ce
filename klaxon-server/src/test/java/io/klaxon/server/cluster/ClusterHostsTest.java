package io.klaxon.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.cluster.KafkaAndPostgres;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hosts' offline check in cluster mode: it runs on one instance (here the checker: the other
 * instance's turn comes after an hour), and judges the heartbeats every instance took.
 */
class ClusterHostsTest {

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.empty();

  private static final String SERVER = "web-1";

  @Test
  void heartbeatsTakenByOneInstance_keepTheServerOnline_forTheCheckOnTheOther() throws Exception {
    try (ConfigurableApplicationContext checking = server("checker", "1s");
        ConfigurableApplicationContext taking = server("taker", "1h")) {
      Api checker = api(checking);
      Api taker = api(taking);
      // The checker hears the server first, then only the other instance does.
      assertThat(heartbeat(checker).status()).isEqualTo(200);
      Instant until = Instant.now().plusSeconds(18); // offline after 10 s
      while (Instant.now().isBefore(until)) {
        assertThat(heartbeat(taker).status()).isEqualTo(200);
        Thread.sleep(1000);
        assertThat(offlineAlerts(checker, "open")).isZero();
      }

      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> offlineAlerts(checker, "open") == 1);
      assertThat(checker.get("/api/servers/" + SERVER).text("/status")).isEqualTo("offline");

      Api.Answer back = heartbeat(taker);
      assertThat(back.text("/changes/0/type")).isEqualTo("offline");
      assertThat(back.text("/changes/0/outcome")).isEqualTo("resolved");
      assertThat(offlineAlerts(checker, "open")).isZero();
      assertThat(offlineAlerts(checker, "resolved")).isEqualTo(1);
    }
  }

  private static ConfigurableApplicationContext server(String name, String checkInterval) {
    return new SpringApplicationBuilder(KlaxonApplication.class)
        .run(
            "--server.port=0",
            "--klaxon.db.url=" + backends.jdbcUrl(),
            "--klaxon.cluster.kafka.bootstrap-servers=" + backends.bootstrapServers(),
            "--klaxon.cluster.node-name=" + name,
            "--klaxon.cluster.answer-wait=20s",
            "--klaxon.engine.partitions=4",
            "--klaxon.hosts.offline-after=10s",
            "--klaxon.hosts.check-interval=" + checkInterval,
            "--spring.main.banner-mode=off");
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  private static Api.Answer heartbeat(Api api) {
    return api.post(
        "/api/signals/heartbeats",
        "{\"server\":\"%s\",\"observedAt\":\"%s\",\"services\":{}}"
            .formatted(SERVER, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
  }

  private static long offlineAlerts(Api api, String status) {
    Api.Answer answer = api.get("/api/servers/" + SERVER + "/alerts?type=offline&status=" + status);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().path("total").asLong();
  }
}
