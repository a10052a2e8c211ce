package io.klaxon.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL in the middle of ingest, starts it again on the same database, and
 * checks that every change it had answered with 200 is there.
 */
class CrashSafetyTest {

  @TempDir Path dir;

  @Test
  void everyAcknowledgedTriggerSurvivesAKillOnSqlite() throws Exception {
    String database = "--klaxon.data-dir=" + dir.resolve("data");
    crashAndCheck(database);
  }

  @Test
  void everyAcknowledgedTriggerSurvivesAKillOnPostgres() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      crashAndCheck("--klaxon.db.url=" + postgres.jdbcUrl());
    }
  }

  private void crashAndCheck(String database) throws Exception {
    EventLoad load;
    try (ServerProcess first = ServerProcess.start(dir.resolve("first.log"), database)) {
      load = new EventLoad(first.port, "crash").start(4, 50);
      // The first request of a fresh server also verifies its API key (a slow hash, cold).
      load.awaitFirstAnswer();
      Thread.sleep(2500);
      first.kill();
      load.stop();
    }
    assertThat(load.acknowledged).as("the load had time to get answers").hasSizeGreaterThan(200);
    assertThat(load.unexpected).isEmpty();

    try (ServerProcess second = ServerProcess.start(dir.resolve("second.log"), database)) {
      Map<String, Long> stored = EventLoad.stored(second.port, "crash");
      assertThat(stored).containsAllEntriesOf(load.acknowledged);
    }
  }
}
