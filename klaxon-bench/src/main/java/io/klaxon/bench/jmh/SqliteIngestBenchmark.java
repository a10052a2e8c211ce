package io.klaxon.bench.jmh;

import io.klaxon.alert.Subject;
import io.klaxon.bench.inprocess.AlertmanagerShape;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite store under the engine, as the server opens it, holding {@link #ALERTS} Alertmanager
 * alerts: re-triggers (100 a call, in µs per alert) that keep their subject, against ones whose
 * subject changes and so is written again, as every re-trigger's was before issue 22; and the
 * change feed's end as the notification job reads it each round, against the statement it used
 * before, which SQLite answered with a scan of the history.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class SqliteIngestBenchmark {

  static final int ALERTS = 20_000;

  private Path dir;
  private SQLiteDataSource sqlite;
  private JdbcAlertStore store;
  private AlertEngine engine;
  private final SplittableRandom random = new SplittableRandom(22);
  private long renames;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("klaxon-jmh-sqlite-");
    sqlite = new SQLiteDataSource();
    sqlite.setUrl(Dialect.sqliteUrl(dir.resolve("bench.db")));
    store = JdbcAlertStore.open(sqlite);
    engine = AlertEngine.start(store, InstantSource.system());
    for (int from = 0; from < ALERTS; from += 1_000) {
      List<AlertCommand> opening = new ArrayList<>(1_000);
      Instant now = Instant.now();
      for (int n = from; n < from + 1_000; n++) {
        opening.add(AlertmanagerShape.trigger(n, now));
      }
      engine.apply(opening);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    engine.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Re-sends of random alerts, about the subject each already has: no subject row is written. */
  @Benchmark
  @OperationsPerInvocation(100)
  public List<CommandResult> retrigger_sameSubject() {
    List<AlertCommand> batch = new ArrayList<>(100);
    Instant now = Instant.now();
    for (int i = 0; i < 100; i++) {
      batch.add(AlertmanagerShape.trigger(random.nextInt(ALERTS), now));
    }
    return engine.apply(batch);
  }

  /** The same, with the subject's name changed each time: its row is upserted with the alert. */
  @Benchmark
  @OperationsPerInvocation(100)
  public List<CommandResult> retrigger_renamedSubject() {
    List<AlertCommand> batch = new ArrayList<>(100);
    Instant now = Instant.now();
    for (int i = 0; i < 100; i++) {
      batch.add(renamed(AlertmanagerShape.trigger(random.nextInt(ALERTS), now)));
    }
    return engine.apply(batch);
  }

  /** The change feed's end, as the store reads it now (a seek in the partial index). */
  @Benchmark
  public long lastPosition() {
    return store.lastPosition();
  }

  /** The change feed's end as read before: the same maximum without the index's condition. */
  @Benchmark
  public long lastPosition_withoutCondition() throws SQLException {
    try (Connection connection = sqlite.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT max(feed_position) FROM alert_history")) {
      row.next();
      return row.getLong(1);
    }
  }

  private AlertCommand.Trigger renamed(AlertCommand.Trigger trigger) {
    Subject subject = trigger.subject();
    if (subject == null) {
      return trigger;
    }
    Subject other = Subject.of(subject.type(), subject.key(), subject.key() + " #" + renames++);
    return new AlertCommand.Trigger(
        trigger.fingerprint(),
        trigger.source(),
        trigger.type(),
        trigger.severity(),
        trigger.title(),
        trigger.message(),
        other,
        trigger.value(),
        trigger.threshold(),
        trigger.changePercent(),
        trigger.attributes(),
        trigger.occurredAt(),
        trigger.expiresAt(),
        trigger.actor(),
        trigger.previousValue());
  }
}
