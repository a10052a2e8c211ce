package io.klaxon.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.klaxon.lake.AlertChangeTable;
import io.klaxon.lake.DeltaLogReader;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import io.klaxon.store.AlertChange;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lake sink across restarts of the server, on one database and one lake directory: every change
 * committed while the sink ran, and while the server ran without it, ends up in the Delta table
 * exactly once, read back with DuckDB over the Delta log (not Kernel). A subclass names the
 * database.
 */
abstract class LakeSinkRestartContract {

  @TempDir Path dir;

  /** The database every start of the server uses. */
  protected abstract String jdbcUrl();

  @Test
  void theSinkCatchesUpAfterARestart_fromWhereItsLastCommitEnded() {
    Path lake = dir.resolve("lake");
    try (ConfigurableApplicationContext server = start(lake)) {
      Api api = api(server);
      post(api, "a", 3);
      post(api, "a", 1); // a pure re-trigger: counted on the alert, not a change in the feed
      awaitCaughtUp(server);
      assertThat(api.get("/actuator/prometheus").raw().body()).contains("klaxon_lake_position");
    }
    try (ConfigurableApplicationContext withoutLake = start(null)) {
      Api api = api(withoutLake);
      post(api, "b", 7);
      assertThat(api.post("/api/lake/compact", "").status()).isEqualTo(409);
    }
    List<AlertChange> all;
    try (ConfigurableApplicationContext server = start(lake)) {
      awaitCaughtUp(server); // batches of 3: several commits to catch up
      all = ((ChangeFeed) server.getBean(AlertStore.class)).changesAfter(0, 1000);
      Api.Answer compaction = api(server).post("/api/lake/compact", "");
      assertThat(compaction.status()).as(compaction.raw().body()).isEqualTo(200);
      assertThat(compaction.number("/filesAfter")).isLessThan(compaction.number("/filesBefore"));
    }

    assertThat(all).hasSize(10);
    DeltaLogReader reader = new DeltaLogReader(lake);
    List<Map<String, Object>> rows = reader.rows();
    assertThat(rows)
        .extracting(r -> (Long) r.get("position"))
        .containsExactlyInAnyOrderElementsOf(all.stream().map(AlertChange::position).toList());
    Set<String> changes =
        rows.stream()
            .map(r -> r.get("alert_id") + "@" + r.get("version"))
            .collect(Collectors.toSet());
    assertThat(changes).hasSize(all.size()); // no change twice
    assertThat(reader.transactionVersion(AlertChangeTable.WRITER_ID))
        .contains(all.getLast().position());
  }

  private ConfigurableApplicationContext start(Path lake) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--klaxon.db.url=" + jdbcUrl());
    args.add("--klaxon.data-dir=" + dir.resolve("data"));
    args.add("--klaxon.lake.batch-size=3");
    args.add("--klaxon.lake.poll-interval=200ms");
    if (lake != null) {
      args.add("--klaxon.lake.path=" + lake);
    }
    return new SpringApplicationBuilder(KlaxonApplication.class).run(args.toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext server) {
    return new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
  }

  private static void post(Api api, String prefix, int alerts) {
    for (int i = 0; i < alerts; i++) {
      String body =
          """
          {"action":"trigger","dedupKey":"%s-%d","source":"lake-test","type":"disk",
           "severity":"warning","title":"Disk almost full","attributes":{"symbol":"SPY"}}
          """
              .formatted(prefix, i);
      Api.Answer answer = api.post("/api/alerts/events", body);
      assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    }
  }

  private static void awaitCaughtUp(ConfigurableApplicationContext server) {
    ChangeFeed feed = (ChangeFeed) server.getBean(AlertStore.class);
    LakeSink sink = server.getBean(LakeSink.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sink.position() == feed.lastPosition() && feed.lastPosition() > 0);
  }
}
