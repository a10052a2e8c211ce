package io.klaxon.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
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

  @Test
  void everyAcknowledgedRetriggerIsCountedAfterAKillOnSqlite() throws Exception {
    crashAndCount("--klaxon.data-dir=" + dir.resolve("data"));
  }

  @Test
  void everyAcknowledgedRetriggerIsCountedAfterAKillOnPostgres() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      crashAndCount("--klaxon.db.url=" + postgres.jdbcUrl());
    }
  }

  /**
   * Re-triggers a few alerts over and over, kills the server, and checks each alert's occurrences:
   * at least the triggers answered 200, at most those sent.
   */
  private void crashAndCount(String database) throws Exception {
    EventLoad load;
    try (ServerProcess first = ServerProcess.start(dir.resolve("first.log"), database)) {
      load = new EventLoad(first.port, "recount").repeating(20).start(4, 50);
      load.awaitFirstAnswer();
      EventLoad running = load;
      // Killed in the middle of the load once it has had answers, however busy the machine is.
      Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> running.countedTriggers() > 200);
      first.kill();
      load.stop();
    }
    assertThat(load.countedTriggers()).as("the load had time to get answers").isGreaterThan(200);
    assertThat(load.unexpected).isEmpty();

    try (ServerProcess second = ServerProcess.start(dir.resolve("second.log"), database)) {
      Map<String, Long> occurrences = EventLoad.stored(second.port, "recount", "occurrences");
      for (var sent : load.sent.entrySet()) {
        AtomicLong counted = load.counted.get(sent.getKey());
        long acknowledged = counted == null ? 0 : counted.get();
        long stored = occurrences.getOrDefault(sent.getKey(), 0L);
        assertThat(stored)
            .as("occurrences of %s: %d acknowledged", sent.getKey(), acknowledged)
            .isBetween(acknowledged, sent.getValue().get());
      }
    }
  }

  private void crashAndCheck(String database) throws Exception {
    EventLoad load;
    try (ServerProcess first = ServerProcess.start(dir.resolve("first.log"), database)) {
      load = new EventLoad(first.port, "crash").start(4, 50);
      // The first request of a fresh server also verifies its API key (a slow hash, cold).
      load.awaitFirstAnswer();
      EventLoad running = load;
      Awaitility.await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> running.acknowledged.size() > 200);
      first.kill();
      load.stop();
    }
    assertThat(load.acknowledged).as("the load had time to get answers").hasSizeGreaterThan(200);
    assertThat(load.unexpected).isEmpty();

    try (ServerProcess second = ServerProcess.start(dir.resolve("second.log"), database)) {
      Map<String, Long> stored = EventLoad.stored(second.port, "crash");
      assertThat(stored).containsAllEntriesOf(load.acknowledged);

      // Ids come in blocks; the killed server's block is lost with it, never handed out again:
      // new alerts after the restart are all created, with ids no alert had before.
      EventLoad after = new EventLoad(second.port, "after-crash").start(2, 20);
      after.awaitFirstAnswer();
      Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> after.acknowledged.size() > 40);
      after.stop();
      assertThat(after.unexpected).isEmpty();
      assertThat(after.acknowledged.values())
          .doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(stored.values());
    }
  }
}
