package io.klaxon.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.jdbc.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away in the middle of ingest and comes back: requests are held and retried, or
 * refused with 503, never answered 200 without being stored, and ingest resumes by itself.
 */
class DatabaseOutageTest {

  @TempDir Path dir;

  @Test
  void ingestRidesOutAPostgresOutageWithoutLosingAnAcknowledgedChange() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      URI server = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
      try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
        String viaProxy =
            postgres
                .jdbcUrl()
                .replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
        try (ServerProcess klaxon =
            ServerProcess.start(
                dir.resolve("outage.log"),
                "--klaxon.db.url=" + viaProxy,
                "--klaxon.db.connect-timeout=1s",
                "--klaxon.engine.retry-for=4s")) {
          EventLoad load = new EventLoad(klaxon.port, "outage").start(4, 50);
          // The first request of a fresh server also verifies its API key (a slow hash, cold).
          load.awaitFirstAnswer();
          Thread.sleep(1500);
          int beforeCut = load.acknowledged.size();
          proxy.cut();
          Thread.sleep(6000);
          int duringCut = load.acknowledged.size();
          proxy.restore();
          // The pool reconnects on its own schedule; a loaded machine can take seconds more.
          Awaitility.await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> load.acknowledged.size() > duringCut);
          load.stop();

          assertThat(beforeCut).as("ingest ran before the cut").isPositive();
          assertThat(load.count(503))
              .as("requests held past the retry window were refused")
              .isPositive();
          assertThat(load.acknowledged.size())
              .as("ingest resumed after the outage")
              .isGreaterThan(duringCut);
          assertThat(load.unexpected).as("only 200 and 503 answers").isEmpty();
          Map<String, Long> stored = EventLoad.stored(klaxon.port, "outage");
          assertThat(stored).containsAllEntriesOf(load.acknowledged);
        }
      }
    }
  }
}
