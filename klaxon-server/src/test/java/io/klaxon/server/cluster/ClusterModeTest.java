package io.klaxon.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.cluster.KafkaAndPostgres;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import io.klaxon.store.jdbc.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two whole servers in cluster mode on one KRaft broker and one PostgreSQL schema: the API of
 * either answers for every partition, {@code GET /api/cluster} and the health show the members, and
 * the survivor of a graceful stop owns every partition.
 */
class ClusterModeTest {

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.empty();

  private static ConfigurableApplicationContext server(String name, String dbUrl) {
    // Arguments, not default properties: they win over the application's own settings.
    return new SpringApplicationBuilder(KlaxonApplication.class)
        .run(
            "--server.port=0",
            "--klaxon.db.url=" + dbUrl,
            "--klaxon.cluster.kafka.bootstrap-servers=" + backends.bootstrapServers(),
            "--klaxon.cluster.node-name=" + name,
            "--klaxon.cluster.answer-wait=20s",
            "--klaxon.engine.partitions=4",
            "--management.endpoint.health.show-components=always",
            "--spring.main.banner-mode=off");
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  @Test
  void eitherInstanceAnswersForEveryPartitionAndTheSurvivorOwnsThemAll() {
    try (ConfigurableApplicationContext first = server("first", backends.jdbcUrl())) {
      Api one = api(first);
      List<Long> ids;
      try (ConfigurableApplicationContext second = server("second", backends.jdbcUrl())) {
        Api two = api(second);
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> ownedOnce(one.get("/api/cluster").json(), 2));
        assertThat(one.get("/api/cluster").text("/nodeName")).isEqualTo("first");
        assertThat(one.get("/actuator/health").text("/components/cluster/status")).isEqualTo("UP");

        Api.Answer triggered = one.post("/api/alerts/events", events(12));
        assertThat(triggered.status()).isEqualTo(200);
        ids = new ArrayList<>();
        for (JsonNode result : triggered.json().path("results")) {
          assertThat(result.path("outcome").asString()).isEqualTo("created");
          ids.add(result.path("alertId").asLong());
        }
        // Every alert, whichever instance owns its partition, acts through the other one too.
        for (long id : ids) {
          assertThat(two.post("/api/alerts/" + id + "/resolve", "{}").status()).isEqualTo(200);
          Api.Answer again = two.post("/api/alerts/" + id + "/resolve", "{}");
          assertThat(again.status()).isEqualTo(409);
        }
        assertThat(two.post("/api/alerts/99999999/resolve", "{}").status()).isEqualTo(404);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ownedOnce(one.get("/api/cluster").json(), 1));
      Api.Answer reopened = one.post("/api/alerts/events", events(12));
      assertThat(reopened.status()).isEqualTo(200);
      for (JsonNode result : reopened.json().path("results")) {
        assertThat(result.path("outcome").asString()).isEqualTo("created");
        assertThat(ids).doesNotContain(result.path("alertId").asLong());
      }
    }
  }

  @Test
  void onSqliteClusterModeRefusesToStartAndSaysWhy(@TempDir Path dir) {
    assertThatThrownBy(() -> server("lonely", Dialect.sqliteUrl(dir.resolve("klaxon.db"))))
        .rootCause()
        .hasMessageContaining("needs PostgreSQL");
  }

  private static String events(int count) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"action":"trigger","dedupKey":"cluster-%d","source":"cluster","type":"disk",\
              "severity":"high","title":"Disk %d"}\
              """
                  .formatted(i, i));
    }
    return body.append("]").toString();
  }

  /** Whether the group has this many members and each partition is owned by exactly one. */
  private static boolean ownedOnce(JsonNode cluster, int members) {
    if (cluster.path("members").size() != members) {
      return false;
    }
    List<Integer> owned = new ArrayList<>();
    cluster.path("members").forEach(m -> m.path("partitions").forEach(p -> owned.add(p.asInt())));
    return owned.stream().sorted().toList().equals(List.of(0, 1, 2, 3));
  }
}
