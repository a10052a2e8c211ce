package io.klaxon.store.jdbc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.jobs.JobLease;
import io.klaxon.jobs.JobLock;
import io.klaxon.store.jdbc.alert.StoreFixture;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Job leases between two instances on one database: one runs a job, the other skips it. */
public interface JobLockContract extends StoreFixture {

  Duration TTL = Duration.ofMinutes(1);

  default JdbcJobLock instance(String name) {
    return JdbcJobLock.open(database().dataSource(), clock(), name);
  }

  @Test
  default void ofTwoInstances_oneTakesTheLease_theOtherSkipsUntilItIsGivenUp() {
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
  default void aCrashedHoldersLease_isTakenOverOnceItRunsOut_andTheOldHolderCannotRenewIt() {
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
  default void aRenewedLease_outlivesItsFirstTerm() {
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
  default void runExclusive_runsTheWorkOnlyForTheHolder_andGivesTheLeaseUpAfterwards() {
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
