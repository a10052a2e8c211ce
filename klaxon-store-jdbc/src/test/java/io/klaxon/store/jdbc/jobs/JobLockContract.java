package io.klaxon.store.jdbc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.jobs.JobLease;
import io.klaxon.jobs.JobLock;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Job leases between two instances on one database: one runs a job, the other skips it. The leases
 * are a server table ({@link Schema#SERVER}); a subclass names the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JobLockContract {

  static final Duration TTL = Duration.ofMinutes(1);

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  @BeforeEach
  final void migrateOnce() {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
    }
    clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
  }

  @AfterAll
  final void closeDatabase() {
    shared.close();
  }

  ManualClock clock() {
    return clock;
  }

  JdbcJobLock instance(String name) {
    return JdbcJobLock.open(shared.get().dataSource(), clock, name);
  }

  @Test
  void ofTwoInstances_oneTakesTheLease_theOtherSkipsUntilItIsGivenUp() {
    JobLock first = instance("first");
    JobLock second = instance("second");
    String job = "retention-" + System.nanoTime();

    Optional<JobLease> held = first.tryAcquire(job, TTL);
    assertThat(held).isPresent();
    assertThat(second.tryAcquire(job, TTL)).isEmpty();
    assertThat(first.tryAcquire(job, TTL)).as("not re-entrant").isEmpty();
    assertThat(second.tryAcquire("another-" + job, TTL)).as("other jobs are free").isPresent();

    held.get().close();
    assertThat(second.tryAcquire(job, TTL)).isPresent();
  }

  @Test
  void aCrashedHoldersLease_isTakenOverOnceItRunsOut_andTheOldHolderCannotRenewIt() {
    JdbcJobLock crashed = instance("crashed");
    JdbcJobLock survivor = instance("survivor");
    String job = "housekeeping-" + System.nanoTime();
    JobLease lost = crashed.tryAcquire(job, TTL).orElseThrow();

    clock().advance(TTL.minusSeconds(1));
    assertThat(survivor.tryAcquire(job, TTL)).isEmpty();
    clock().advance(Duration.ofSeconds(1));
    JobLease taken = survivor.tryAcquire(job, TTL).orElseThrow();

    assertThat(survivor.holderOf(job)).get().asString().startsWith("survivor#");
    assertThat(lost.renew()).isFalse();
    lost.close(); // gives up nothing: the lease is the survivor's now
    assertThat(crashed.tryAcquire(job, TTL)).isEmpty();
    assertThat(taken.renew()).isTrue();
  }

  @Test
  void aRenewedLease_outlivesItsFirstTerm() {
    JobLock first = instance("first");
    JobLock second = instance("second");
    String job = "retention-" + System.nanoTime();
    JobLease lease = first.tryAcquire(job, TTL).orElseThrow();

    clock().advance(TTL.minusSeconds(10));
    assertThat(lease.renew()).isTrue();
    clock().advance(Duration.ofSeconds(30));

    assertThat(second.tryAcquire(job, TTL)).isEmpty();
  }

  @Test
  void runExclusive_runsTheWorkOnlyForTheHolder_andGivesTheLeaseUpAfterwards() {
    JobLock first = instance("first");
    JobLock second = instance("second");
    String job = "expiry-" + System.nanoTime();
    AtomicInteger runs = new AtomicInteger();

    boolean ran =
        first.runExclusive(
            job,
            TTL,
            lease -> {
              runs.incrementAndGet();
              assertThat(second.runExclusive(job, TTL, other -> runs.addAndGet(100))).isFalse();
            });

    assertThat(ran).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(second.runExclusive(job, TTL, lease -> runs.incrementAndGet())).isTrue();
    assertThat(runs).hasValue(2);
  }
}
