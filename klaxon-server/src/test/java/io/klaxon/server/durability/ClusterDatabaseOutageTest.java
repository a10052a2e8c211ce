package io.klaxon.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.cluster.KafkaAndPostgres;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL unreachable under a whole server in cluster mode (issue 15), through a proxy that cuts
 * it: ingest over HTTP goes on being answered 202 {@code accepted} (Kafka has the events), an
 * action by id answers 503 with {@code Retry-After}, and once the database is back every accepted
 * event is applied exactly once.
 */
class ClusterDatabaseOutageTest {

  private static final int EVENTS = 3;
  private static final int ROUNDS = 4;

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.empty();

  @Test
  void postgresAwayIngestIsAcceptedActionsAnswer503AndEveryAcceptedEventIsAppliedOnce()
      throws Exception {
    URI postgres = URI.create(backends.jdbcUrl().substring("jdbc:".length()));
    String hostPort = postgres.getHost() + ":" + postgres.getPort();
    try (TcpProxy proxy = new TcpProxy(postgres.getHost(), postgres.getPort());
        ConfigurableApplicationContext server =
            new SpringApplicationBuilder(KlaxonApplication.class)
                .run(
                    "--server.port=0",
                    "--klaxon.db.url="
                        + backends.jdbcUrl().replace(hostPort, "127.0.0.1:" + proxy.port()),
                    "--klaxon.db.connect-timeout=1s",
                    "--klaxon.engine.retry-for=2s",
                    // Keys are read again while the database is away, as in a longer outage.
                    "--klaxon.security.key-cache-ttl=1s",
                    "--klaxon.cluster.kafka.bootstrap-servers=" + backends.bootstrapServers(),
                    "--klaxon.cluster.node-name=outage",
                    "--klaxon.cluster.answer-wait=2s",
                    "--klaxon.engine.partitions=2",
                    "--spring.main.banner-mode=off")) {
      Api api = new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> api.get("/api/cluster").json().path("members").size() == 1);
      Api.Answer before = api.post("/api/alerts/events", events("before"));
      // 200, or 202 when a cold owner took longer than the answer wait.
      assertThat(before.status()).as(before.raw().body()).isIn(200, 202);
      Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> occurrences("before") == EVENTS);
      long id = backends.number("select min(id) from alerts where fingerprint like '%before-%'");

      proxy.cut();
      List<Api.Answer> during = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        during.add(api.post("/api/alerts/events", events("during")));
      }
      Api.Answer action = api.patch("/api/alerts/" + id, "{\"acknowledged\":true}");
      proxy.restore();

      for (Api.Answer answer : during) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        for (JsonNode result : answer.json().path("results")) {
          assertThat(result.path("outcome").asString()).isEqualTo("accepted");
          assertThat(result.path("fingerprint").asString()).contains("during-");
        }
      }
      assertThat(action.status()).as(action.raw().body()).isEqualTo(503);
      assertThat(action.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(action.contentType()).startsWith("application/problem+json");

      // The owner takes its partitions over again from the offsets stored in PostgreSQL.
      Awaitility.await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> occurrences("during") >= (long) ROUNDS * EVENTS);
      assertThat(occurrences("during")).isEqualTo((long) ROUNDS * EVENTS);
      assertThat(alerts("during")).isEqualTo(EVENTS);
      assertThat(occurrences("before")).isEqualTo(EVENTS);
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> api.patch("/api/alerts/" + id, "{\"acknowledged\":true}").status() == 200);
    }
  }

  private static String events(String prefix) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < EVENTS; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"action":"trigger","dedupKey":"%s-%d","source":"db-outage","type":"disk",\
              "severity":"high","title":"Disk %d"}\
              """
                  .formatted(prefix, i, i));
    }
    return body.append("]").toString();
  }

  private static long occurrences(String prefix) throws Exception {
    return backends.number(
        "select coalesce(sum(occurrences), 0) from alerts join alert_occurrences using (id)"
            + " where fingerprint like '%"
            + prefix
            + "-%'");
  }

  private static long alerts(String prefix) throws Exception {
    return backends.number(
        "select count(*) from alerts where fingerprint like '%" + prefix + "-%'");
  }
}
