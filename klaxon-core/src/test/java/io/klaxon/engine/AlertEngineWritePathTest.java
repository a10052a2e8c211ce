package io.klaxon.engine;

import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ForwardingAlertStore;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write path: group commit, retries, isolation of a poisoned caller, back-pressure, drain. */
class AlertEngineWritePathTest {

  private final InMemoryAlertStore memory = new InMemoryAlertStore();
  private final GatedStore store = new GatedStore(memory);
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;

  @AfterEach
  void close() {
    store.open();
    if (engine != null) {
      engine.close();
    }
  }

  private AlertEngine start(int queueCapacity, Duration retryFor) {
    engine =
        AlertEngine.start(
            store,
            clock,
            new EngineSettings(
                queueCapacity, 1000, retryFor, Duration.ofMillis(1), Duration.ofMillis(5)),
            EngineMetrics.NONE);
    return engine;
  }

  /** Holds the writer inside its first commit until opened, so that callers queue up behind it. */
  private CompletableFuture<List<CommandResult>> blockWriter() throws InterruptedException {
    store.close();
    CompletableFuture<List<CommandResult>> first = engine.submit(List.of(trigger("first")));
    assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
    return first;
  }

  @Test
  void callersThatArriveDuringACommitShareTheNextTransaction() throws Exception {
    start(1000, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    var a = engine.submit(List.of(trigger("a")));
    var b = engine.submit(List.of(trigger("b"), trigger("a")));
    var c = engine.submit(List.of(trigger("c")));
    store.open();

    assertThat(first.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(b.get(5, TimeUnit.SECONDS))
        .extracting(CommandResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.UPDATED);
    assertThat(a.get().getFirst().alert().id()).isEqualTo(b.get().get(1).alert().id());
    assertThat(c.get().getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(memory.commits()).hasSize(2);
    ChangeSet grouped = memory.commits().get(1);
    assertThat(grouped.created())
        .extracting(Alert::fingerprint)
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(grouped.history()).hasSize(4);
  }

  @Test
  void callersAppliedWhileTheGroupBeforeCommitsAreShownAndAnsweredOnlyOnceTheirCommitIsDurable()
      throws Exception {
    start(1000, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    var second = engine.submit(List.of(trigger("second")));
    var again = engine.submit(List.of(trigger("first")));
    Thread.sleep(100); // the writer applies them in memory meanwhile

    assertThat(first.isDone() || second.isDone() || again.isDone()).isFalse();
    assertThat(engine.active("first")).isEmpty();
    assertThat(engine.active("second")).isEmpty();
    store.open();

    assertThat(first.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    CommandResult retriggered = again.get(5, TimeUnit.SECONDS).getFirst();
    assertThat(retriggered.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(retriggered.alert().occurrences()).isEqualTo(2);
    assertThat(memory.commits()).hasSize(2);
    assertThat(memory.loadActive())
        .extracting(Alert::fingerprint, Alert::occurrences)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("first", 2L),
            org.assertj.core.groups.Tuple.tuple("second", 1L));
  }

  @Test
  void theGroupThatGatheredDuringACommitIsHandedToThePartitionsCommitter() throws Exception {
    start(1000, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    var second = engine.submit(List.of(trigger("second")));
    store.open();

    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
    assertThat(store.committedOn)
        .containsExactly("klaxon-alert-writer-0", "klaxon-alert-committer-0");
  }

  @Test
  void aStoreThatJoinsPartitionCommitsIsCommittedByTheWriterItself_evenWithCallersWaiting()
      throws Exception {
    store.joins = true;
    start(1000, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    var second = engine.submit(List.of(trigger("second")));
    store.open();

    assertThat(first.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(store.committedOn).containsExactly("klaxon-alert-writer-0", "klaxon-alert-writer-0");
  }

  @Test
  void whenTheCommitBeforeFailsCallersAppliedOverItAreAppliedAgainWithoutWhatFailed()
      throws Exception {
    start(1000, Duration.ZERO);
    engine.apply(trigger("x"));
    store.close();
    memory.failCommits(new Unavailable("database down"), 1);
    var failing = engine.submit(List.of(trigger("x")));
    assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
    var after = engine.submit(List.of(trigger("x"), trigger("y")));
    Thread.sleep(100); // the writer applies it over the re-trigger that is committing
    store.open();

    assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(Unavailable.class);
    List<CommandResult> results = after.get(5, TimeUnit.SECONDS);
    // Counted once: the failed re-trigger is not in it, and the caller's own is not twice.
    assertThat(results.getFirst().alert().occurrences()).isEqualTo(2);
    assertThat(memory.loadActive())
        .extracting(Alert::fingerprint, Alert::occurrences)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("x", 2L),
            org.assertj.core.groups.Tuple.tuple("y", 1L));
    assertThat(engine.active("x")).map(Alert::occurrences).contains(2L);
    assertThat(engine.active("y"))
        .map(Alert::id)
        .isEqualTo(
            memory.loadActive().stream()
                .filter(a -> a.fingerprint().equals("y"))
                .findFirst()
                .map(Alert::id));
  }

  @Test
  void aCallerWhoseCommandsCannotBeCommittedFailsAloneAndTheOthersCommit() throws Exception {
    start(1000, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    store.poison("poison");
    var good = engine.submit(List.of(trigger("good")));
    var bad = engine.submit(List.of(trigger("poison")));
    var alsoGood = engine.submit(List.of(trigger("also-good")));
    store.open();

    first.get(5, TimeUnit.SECONDS);
    assertThat(good.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(alsoGood.get(5, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Unavailable.class);
    assertThat(engine.active("poison")).isEmpty();
    assertThat(memory.loadActive())
        .extracting(Alert::fingerprint)
        .containsExactlyInAnyOrder("first", "good", "also-good");
  }

  @Test
  void aStoreThatStaysUnavailableFailsTheCallersAfterTheRetryWindowAndRecoversAfter() {
    start(1000, Duration.ofMillis(100));
    memory.failCommits(new Unavailable("database down"), 1_000_000);

    assertThatThrownBy(() -> engine.apply(trigger("fp"))).isInstanceOf(Unavailable.class);
    assertThat(memory.loadActive()).isEmpty();
    assertThat(engine.active("fp")).isEmpty();

    memory.clearFailure();
    assertThat(engine.apply(trigger("fp")).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aStoreAwayWhileAlertIdsAreReservedIsRiddenOutLikeAFailedCommit_notTakenForARefusal() {
    // The first block of ids cannot be had (the database is away), the next try gets one.
    BlockedIdsTest.Counter counter =
        new BlockedIdsTest.Counter() {
          private boolean failed;

          @Override
          public synchronized long reserve(int count) {
            if (!failed) {
              failed = true;
              throw new Unavailable("the database cannot be reached to reserve alert ids");
            }
            return super.reserve(count);
          }
        };
    engine =
        AlertEngine.start(
            store,
            clock,
            new EngineSettings(
                1000, 1000, Duration.ofSeconds(2), Duration.ofMillis(1), Duration.ofMillis(5)),
            EngineMetrics.NONE,
            AlertIds.inBlocks(counter));

    CommandResult result = engine.apply(trigger("fp"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(memory.loadActive()).extracting(Alert::fingerprint).containsExactly("fp");
  }

  @Test
  void aCommitThatLandedButReportedFailureLeavesMemoryEqualToTheStore() {
    start(1000, Duration.ofSeconds(1));
    memory.landThenFail(new Unavailable("connection reset during commit"));

    CommandResult result = engine.apply(trigger("fp"));

    // The retry sees the landed alert, so the trigger folds into it rather than opening another.
    assertThat(memory.loadActive()).hasSize(1);
    Alert stored = memory.loadActive().getFirst();
    assertThat(engine.active("fp")).contains(stored);
    assertThat(result.alert()).isEqualTo(stored);
    assertThat(memory.history(stored.id()))
        .extracting(HistoryEntry::version)
        .containsExactly(1L, 2L);
  }

  @Test
  void aFullQueueRefusesAtOnceInsteadOfQueueingWithoutBound() throws Exception {
    start(3, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    var queued = engine.submit(List.of(trigger("a"), trigger("b")));

    assertThat(engine.queueDepth()).isEqualTo(3);
    assertThatThrownBy(() -> engine.submit(List.of(trigger("c"))))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("queue is full");
    store.open();
    first.get(5, TimeUnit.SECONDS);
    queued.get(5, TimeUnit.SECONDS);
    // The writer frees the room just after it answers the callers of a batch.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (engine.queueDepth() != 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(engine.queueDepth()).isZero();
    assertThat(engine.submit(List.of(trigger("c"))).get(5, TimeUnit.SECONDS)).hasSize(1);
  }

  @Test
  void closingCommitsEverythingAlreadyQueuedAndRefusesWhatComesAfter() throws Exception {
    start(1000, Duration.ofSeconds(1));
    CompletableFuture<List<CommandResult>> first = blockWriter();
    var queued = engine.submit(List.of(trigger("a"), trigger("b")));
    CompletableFuture<Void> closed = CompletableFuture.runAsync(engine::close);
    Thread.sleep(50);
    store.open();
    closed.get(5, TimeUnit.SECONDS);

    assertThat(first.isDone() && queued.isDone()).isTrue();
    assertThat(memory.loadActive()).hasSize(3);
    assertThatThrownBy(() -> engine.submit(List.of(trigger("late"))))
        .isInstanceOf(Unavailable.class);
  }

  @Test
  void aWriterThatDiesOfAnErrorAnswersItsCallersAndRefusesFurtherWrites() {
    start(1000, Duration.ofSeconds(1));
    store.dieWith(new OutOfMemoryError("Java heap space (test)"));

    assertThatThrownBy(() -> engine.apply(trigger("a")))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("Java heap space");
    assertThat(engine.isWorking()).isFalse();
    assertThatThrownBy(() -> engine.submit(List.of(trigger("b"))))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("failed")
        .hasMessageContaining("open a new one");
  }

  @Test
  void aRuntimeFailureOutsideTheStoreFailsOnlyItsGroupAndTheWriterGoesOn() {
    start(1000, Duration.ofSeconds(1));
    engine.onCommitted(
        alerts -> {
          throw new IllegalStateException("listener bug");
        });
    assertThat(engine.apply(trigger("a")).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(engine.isWorking()).isTrue();
  }

  @Test
  void applyUnwrapsTheFailureOfItsBatch() {
    start(1000, Duration.ZERO);
    memory.failCommits(new Unavailable("database down"), 10);
    assertThatThrownBy(() -> engine.apply(List.of(trigger("x"))))
        .isInstanceOf(Unavailable.class)
        .isNotInstanceOf(CompletionException.class);
  }

  /** A store whose commits can be held at a gate, and which refuses a poisoned fingerprint. */
  private static final class GatedStore extends ForwardingAlertStore {
    volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String poisoned = "";
    private volatile @org.jspecify.annotations.Nullable Error fatal;
    volatile boolean joins;
    final List<String> committedOn = new java.util.concurrent.CopyOnWriteArrayList<>();

    GatedStore(AlertStore delegate) {
      super(delegate);
    }

    void close() {
      entered = new CountDownLatch(1);
      gate = new CountDownLatch(1);
    }

    void open() {
      gate.countDown();
    }

    void poison(String fingerprint) {
      poisoned = fingerprint;
    }

    void dieWith(Error error) {
      fatal = error;
    }

    @Override
    public boolean joinsPartitionCommits() {
      return joins;
    }

    @Override
    public void commit(ChangeSet changes) {
      committedOn.add(Thread.currentThread().getName());
      entered.countDown();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Error error = fatal;
      if (error != null) {
        throw error;
      }
      if (changes.created().stream().anyMatch(a -> a.fingerprint().equals(poisoned))) {
        throw new IllegalStateException("value too long for column");
      }
      delegate.commit(changes);
    }
  }
}
