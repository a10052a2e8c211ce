package io.klaxon.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.cluster.KraftBroker;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka unreachable in cluster mode (issue 15): ingest answers 503 with {@code Retry-After}, and
 * nothing is answered 2xx that Kafka does not have (so nothing of a refused request is applied).
 */
class KafkaOutageTest {

  @Test
  void kafkaAwayIngestAnswers503WithRetryAfterAndAppliesNothingOfIt() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      KraftBroker kafka = KraftBroker.start();
      boolean kafkaUp = true;
      try (ConfigurableApplicationContext server =
          new SpringApplicationBuilder(KlaxonApplication.class)
              .run(
                  "--server.port=0",
                  "--klaxon.db.url=" + postgres.jdbcUrl(),
                  "--klaxon.cluster.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                  "--klaxon.cluster.node-name=alone",
                  "--klaxon.cluster.answer-wait=20s",
                  "--klaxon.engine.partitions=2",
                  "--spring.main.banner-mode=off")) {
        Api api =
            new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
        Awaitility.await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> api.get("/api/cluster").json().path("members").size() == 1);
        assertThat(api.post("/api/alerts/events", events("before")).status()).isEqualTo(200);

        kafka.close();
        kafkaUp = false;
        Api.Answer refused = api.post("/api/alerts/events", events("during"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(count(postgres, "before")).isEqualTo(3);
        assertThat(count(postgres, "during")).isZero();
      } finally {
        if (kafkaUp) {
          kafka.close();
        }
      }
    }
  }

  private static String events(String prefix) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 3; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"action":"trigger","dedupKey":"%s-%d","source":"kafka-outage","type":"disk",\
              "severity":"high","title":"Disk %d"}\
              """
                  .formatted(prefix, i, i));
    }
    return body.append("]").toString();
  }

  private static long count(TestDatabase postgres, String prefix) throws SQLException {
    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) from alerts where fingerprint like '%" + prefix + "-%'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
