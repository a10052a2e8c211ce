package io.klaxon.store.jdbc.alert;

import static io.klaxon.store.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.Retriggers;
import io.klaxon.store.jdbc.ForwardingDataSource;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.RetriggerLogContract.AlertLogFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL: what partitions' writers commit while another commit runs goes into one transaction
 * (a group commit across partitions), and a share that cannot commit fails alone.
 */
class JointCommitTest {

  private TestDatabase database;
  private Gate gate;
  private JdbcAlertStore store;

  /** One open alert in each of the first partitions, by partition. */
  private final Map<Integer, Alert> alerts = new HashMap<>();

  @BeforeEach
  void openStore() {
    database = TestDatabase.postgres();
    gate = new Gate(database.dataSource());
    store = JdbcAlertStore.open(gate);
    for (int n = 1; alerts.size() < 4; n++) {
      Alert candidate = alert(n).fingerprint("disk:host-" + n).build();
      alerts.putIfAbsent(store.partitioning().of(candidate.fingerprint()), candidate);
    }
    List<Alert> created = List.copyOf(alerts.values());
    List<Subject> subjects =
        created.stream().map(Alert::subject).filter(Objects::nonNull).distinct().toList();
    store.commit(new ChangeSet(subjects, created, List.of(), List.of()));
  }

  @AfterEach
  void closeDatabase() {
    gate.open();
    database.close();
  }

  @Test
  void pureRetriggersThatCommitWhileAnotherCommits_shareOneTransaction_eachWithItsOwnLogEntry()
      throws Exception {
    List<Integer> partitions = List.copyOf(alerts.keySet());
    gate.hold();
    int before = gate.taken();

    CompletableFuture<Long> first = retriggerAtTheGate(partitions.get(0));
    List<CompletableFuture<Long>> later =
        retriggerAndWait(partitions.subList(1, partitions.size()));
    assertThat(gate.waiting())
        .as("log inserts of pure re-triggers wait for the one under way")
        .isEqualTo(1);
    gate.open();

    assertThat(first.get(30, TimeUnit.SECONDS)).isPositive();
    assertEntriesOf(later, partitions.subList(1, partitions.size()));
    assertThat(gate.taken() - before)
        .as("one transaction for the first, one for the three that waited for it")
        .isEqualTo(2);
    assertOccurrences(partitions, partitions.subList(0, 1));
  }

  @Test
  void changesThatCommitWhileTwoCommit_shareOneTransaction() throws Exception {
    List<Integer> partitions = List.copyOf(alerts.keySet());
    gate.hold();
    int before = gate.taken();

    List<CompletableFuture<Long>> underWay = startTwoTransactions(partitions);
    List<CompletableFuture<Long>> later =
        retriggerAndWait(partitions.subList(2, partitions.size()));
    assertThat(gate.waiting()).as("no third transaction while two are under way").isEqualTo(2);
    gate.open();

    for (CompletableFuture<Long> entry : underWay) {
      entry.get(30, TimeUnit.SECONDS);
    }
    assertEntriesOf(later, partitions.subList(2, partitions.size()));
    assertThat(gate.taken() - before)
        .as("one transaction for each of the two under way, one for the two that waited")
        .isEqualTo(3);
    assertOccurrences(partitions, partitions.subList(0, 2));
  }

  @Test
  void summariesThatCommitWhileALogInsertRuns_joinTheNextLogInsert_andAreKept() throws Exception {
    List<Integer> partitions = List.copyOf(alerts.keySet());
    List<Integer> followers = partitions.subList(1, partitions.size());
    gate.hold();
    int before = gate.taken();

    CompletableFuture<Long> first = retriggerAtTheGate(partitions.get(0));
    List<CompletableFuture<Long>> later =
        commitAndWait(
            followers.stream()
                .<Supplier<Long>>map(p -> () -> summarize(p, alerts.get(p).id()))
                .toList());
    assertThat(gate.waiting())
        .as("re-triggers with their summaries wait for the log insert under way")
        .isEqualTo(1);
    gate.open();

    assertThat(first.get(30, TimeUnit.SECONDS)).isPositive();
    assertEntriesOf(later, followers);
    assertThat(gate.taken() - before)
        .as("one insert for the first, one for the three that waited with their summaries")
        .isEqualTo(2);
    assertOccurrences(partitions, partitions.subList(0, 1));
    for (int partition : followers) {
      assertThat(store.history(alerts.get(partition).id()))
          .filteredOn(entry -> SUMMARY.equals(entry.note()))
          .singleElement()
          .satisfies(entry -> assertThat(entry.isMaterial()).isFalse());
    }
  }

  @Test
  void aSummaryThatCannotBeKept_failsItsShareAlone() throws Exception {
    List<Integer> partitions = List.copyOf(alerts.keySet());
    gate.hold();
    int before = gate.taken();

    CompletableFuture<Long> first = retriggerAtTheGate(partitions.get(0));
    int goodPartition = partitions.get(1);
    long noSuchAlert = 1_000_000;
    List<CompletableFuture<Long>> waited =
        commitAndWait(
            List.of(
                () -> summarize(goodPartition, alerts.get(goodPartition).id()),
                () -> summarize(partitions.get(2), noSuchAlert)));
    CompletableFuture<Long> good = waited.get(0);
    CompletableFuture<Long> orphan = waited.get(1);
    gate.open();

    first.get(30, TimeUnit.SECONDS);
    assertThat(partitionOfLogEntry(good.get(30, TimeUnit.SECONDS))).isEqualTo(goodPartition);
    assertThat(orphan)
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(ExecutionException.class);
    assertThat(gate.taken() - before)
        .as("the first alone, the two that waited together, then each alone")
        .isEqualTo(4);
    assertThat(store.history(alerts.get(goodPartition).id()))
        .extracting(HistoryEntry::note)
        .contains(SUMMARY);
    assertThat(store.loadActive(partitions.get(2)))
        .as("the failed share's re-trigger was not kept either")
        .singleElement()
        .extracting(Alert::occurrences)
        .isEqualTo(1L);
    assertOccurrences(List.of(goodPartition), List.of());
  }

  private static final String SUMMARY = "re-triggered 2 times (a test's summary)";

  /**
   * Re-triggers (to 3) the partition's alert with a summary of the re-triggers about {@code
   * alertId}, as the engine does once a minute: a history row that is not material.
   */
  private long summarize(int partition, long alertId) {
    Alert retriggered = new AlertLogFixture(alerts.get(partition)).retriggered(3);
    HistoryEntry summary =
        new HistoryEntry(
            alertId,
            retriggered.version(),
            retriggered.lastSeenAt(),
            "test",
            HistoryAction.RETRIGGERED,
            retriggered.status(),
            retriggered.status(),
            List.of(new HistoryEntry.FieldChange("occurrences", "1", "3")),
            SUMMARY);
    return store.commit(
        new ChangeSet(List.of(), List.of(), List.of(), List.of(summary)),
        new Retriggers(partition, List.of(new AlertUpdate(retriggered, 1))));
  }

  /** Re-triggers (to 2) the partition's alert in a thread of its own, held at the shut gate. */
  private CompletableFuture<Long> retriggerAtTheGate(int partition) {
    CompletableFuture<Long> entry = commitInThread(() -> retrigger(partition, 2));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 1);
    return entry;
  }

  /**
   * Re-triggers (to 3) each partition's alert in a thread of its own, and returns once every one of
   * those threads waits.
   */
  private List<CompletableFuture<Long>> retriggerAndWait(List<Integer> partitions) {
    return commitAndWait(
        partitions.stream().<Supplier<Long>>map(p -> () -> retrigger(p, 3)).toList());
  }

  /**
   * Runs each commit in a thread of its own, and returns once every one of those threads waits (for
   * a joint commit's turn).
   */
  private static List<CompletableFuture<Long>> commitAndWait(List<Supplier<Long>> commits) {
    List<Thread> followers = new ArrayList<>();
    List<CompletableFuture<Long>> entries = new ArrayList<>();
    for (Supplier<Long> commit : commits) {
      CompletableFuture<Long> entry = new CompletableFuture<>();
      followers.add(startThread(commit, entry));
      entries.add(entry);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> followers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
    return entries;
  }

  /** Each of {@code entries} is a log entry of the partition at its place in {@code partitions}. */
  private void assertEntriesOf(List<CompletableFuture<Long>> entries, List<Integer> partitions)
      throws Exception {
    for (int i = 0; i < entries.size(); i++) {
      long entry = entries.get(i).get(30, TimeUnit.SECONDS);
      assertThat(partitionOfLogEntry(entry))
          .as("entry %d is its own partition's", entry)
          .isEqualTo(partitions.get(i));
    }
  }

  /** Each partition's alert has 2 occurrences where listed in {@code atTwo}, else 3. */
  private void assertOccurrences(List<Integer> partitions, List<Integer> atTwo) {
    for (int partition : partitions) {
      assertThat(store.loadActive(partition))
          .singleElement()
          .extracting(Alert::occurrences)
          .isEqualTo(atTwo.contains(partition) ? 2L : 3L);
    }
  }

  @Test
  void aShareThatCannotCommit_failsAlone_andTheOthersOfItsTransactionCommit() throws Exception {
    List<Integer> partitions = List.copyOf(alerts.keySet());
    gate.hold();
    int before = gate.taken();

    List<CompletableFuture<Long>> underWay =
        startTwoTransactions(List.of(partitions.get(0), partitions.get(3)));
    CompletableFuture<Long> good = new CompletableFuture<>();
    CompletableFuture<Long> stale = new CompletableFuture<>();
    Alert moved = new AlertLogFixture(alerts.get(partitions.get(2))).retriggered(7);
    List<Thread> followers =
        List.of(
            startThread(() -> retrigger(partitions.get(1), 3), good),
            startThread(
                () ->
                    store.commit(
                        new ChangeSet(
                            List.of(), List.of(), List.of(new AlertUpdate(moved, 5)), List.of()),
                        new Retriggers(partitions.get(2), List.of())),
                stale));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> followers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
    gate.open();

    for (CompletableFuture<Long> entry : underWay) {
      entry.get(30, TimeUnit.SECONDS);
    }
    assertThat(partitionOfLogEntry(good.get(30, TimeUnit.SECONDS))).isEqualTo(partitions.get(1));
    assertThat(stale)
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ConcurrentChange.class);
    assertThat(gate.taken() - before)
        .as("the two under way alone, the two that waited together, then each alone")
        .isEqualTo(5);
    assertThat(store.findById(moved.id()).orElseThrow().occurrences()).isEqualTo(1);
    assertThat(store.loadActive(partitions.get(1)))
        .singleElement()
        .extracting(Alert::occurrences)
        .isEqualTo(3L);
  }

  /**
   * Updates the alerts of the first two of {@code partitions} (occurrences 2, a material change),
   * one after the other, so that each starts a joint transaction of its own; both wait at the shut
   * gate.
   */
  private List<CompletableFuture<Long>> startTwoTransactions(List<Integer> partitions) {
    List<CompletableFuture<Long>> entries = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int partition = partitions.get(i);
      entries.add(commitInThread(() -> update(partition, 2)));
      int started = i + 1;
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == started);
    }
    return entries;
  }

  private long retrigger(int partition, long occurrences) {
    Alert alert = alerts.get(partition);
    return store.commit(
        new ChangeSet(List.of(), List.of(), List.of(), List.of()),
        new Retriggers(
            partition,
            List.of(new AlertUpdate(new AlertLogFixture(alert).retriggered(occurrences), 1))));
  }

  /** Commits a change of the partition's alert (not a pure re-trigger): no log entry. */
  private long update(int partition, long occurrences) {
    Alert alert = alerts.get(partition);
    return store.commit(
        new ChangeSet(
            List.of(),
            List.of(),
            List.of(new AlertUpdate(new AlertLogFixture(alert).retriggered(occurrences), 1)),
            List.of()),
        new Retriggers(partition, List.of()));
  }

  private int partitionOfLogEntry(long entry) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("select engine_partition from alert_log where seq = ?")) {
      statement.setLong(1, entry);
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).as("log entry %d exists", entry).isTrue();
        return row.getInt(1);
      }
    }
  }

  private static CompletableFuture<Long> commitInThread(Supplier<Long> commit) {
    CompletableFuture<Long> entry = new CompletableFuture<>();
    startThread(commit, entry);
    return entry;
  }

  private static Thread startThread(Supplier<Long> commit, CompletableFuture<Long> entry) {
    return Thread.ofPlatform()
        .daemon(true)
        .start(
            () -> {
              try {
                entry.complete(commit.get());
              } catch (RuntimeException e) {
                entry.completeExceptionally(e);
              }
            });
  }

  /** Hands out connections only while open, and counts them: holds a commit at its start. */
  private static final class Gate extends ForwardingDataSource {
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch open = new CountDownLatch(0);

    Gate(DataSource delegate) {
      super(delegate);
    }

    void hold() {
      open = new CountDownLatch(1);
    }

    void open() {
      open.countDown();
    }

    int taken() {
      return taken.get();
    }

    int waiting() {
      return waiting.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
      waiting.incrementAndGet();
      try {
        if (!open.await(60, TimeUnit.SECONDS)) {
          throw new SQLException("the gate stayed shut");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException(e);
      } finally {
        waiting.decrementAndGet();
      }
      taken.incrementAndGet();
      return delegate.getConnection();
    }
  }
}
