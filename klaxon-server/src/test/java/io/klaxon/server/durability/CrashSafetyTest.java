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
  void everyAcknowledgedTriggerSurvivesAKillAndIsCountedOnSqlite() throws Exception {
    crashAndCheck("--klaxon.data-dir=" + dir.resolve("data"));
  }

  @Test
  void everyAcknowledgedTriggerSurvivesAKillAndIsCountedOnPostgres() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      crashAndCheck("--klaxon.db.url=" + postgres.jdbcUrl());
    }
  }

  /**
   * Sends new alerts and re-triggers of a few alerts side by side (one kill, one restart for both:
   * each server start costs seconds), kills the server in the middle, and checks after a restart
   * that every new alert answered 200 is there and each re-triggered alert's occurrences are at
   * least the triggers answered 200, at most those sent.
   */
  private void crashAndCheck(String database) throws Exception {
    EventLoad load;
    EventLoad retriggers;
    try (ServerProcess first = ServerProcess.start(dir.resolve("first.log"), database)) {
      load = new EventLoad(first.port, "crash").start(3, 50);
      retriggers = new EventLoad(first.port, "recount").repeating(20).start(2, 50);
      // The first request of a fresh server also verifies its API key (a slow hash, cold).
      load.awaitFirstAnswer();
      retriggers.awaitFirstAnswer();
      EventLoad running = load;
      EventLoad counting = retriggers;
      // Killed in the middle of the load once both have had answers, however busy the machine is.
      Awaitility.await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> running.acknowledged.size() > 200 && counting.countedTriggers() > 200);
      first.kill();
      load.stop();
      retriggers.stop();
    }
    assertThat(load.acknowledged).as("the load had time to get answers").hasSizeGreaterThan(200);
    assertThat(retriggers.countedTriggers())
        .as("the re-triggers had time to get answers")
        .isGreaterThan(200);
    assertThat(load.unexpected).isEmpty();
    assertThat(retriggers.unexpected).isEmpty();

    try (ServerProcess second = ServerProcess.start(dir.resolve("second.log"), database)) {
      Map<String, Long> stored = EventLoad.stored(second.port, "crash");
      assertThat(stored).containsAllEntriesOf(load.acknowledged);

      Map<String, Long> occurrences = EventLoad.stored(second.port, "recount", "occurrences");
      for (var sent : retriggers.sent.entrySet()) {
        AtomicLong counted = retriggers.counted.get(sent.getKey());
        long acknowledged = counted == null ? 0 : counted.get();
        long kept = occurrences.getOrDefault(sent.getKey(), 0L);
        assertThat(kept)
            .as("occurrences of %s: %d acknowledged", sent.getKey(), acknowledged)
            .isBetween(acknowledged, sent.getValue().get());
      }

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
