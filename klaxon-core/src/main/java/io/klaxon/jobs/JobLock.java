package io.klaxon.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Leases on named jobs, kept where every instance sees them (the database), so that of several
 * instances only one runs a job at a time. A lease lasts a set time: a holder that dies loses it
 * when it runs out, and another instance takes the job over; a long run renews it as it goes.
 *
 * <p>Implementations raise {@link io.klaxon.problem.Unavailable} when the leases cannot be read.
 */
public interface JobLock {

  /**
   * Takes the job's lease for {@code ttl}, unless another holder's lease has not run out yet. Not
   * re-entrant: a second take of a held lease fails even in the same process.
   *
   * @return the lease, to be closed when the run ends; empty when someone else holds it
   */
  Optional<JobLease> tryAcquire(String job, Duration ttl);

  /**
   * Runs {@code work} while holding the job's lease, and gives the lease up afterwards.
   *
   * @return whether the work ran; false when another holder has the job
   */
  default boolean runExclusive(String job, Duration ttl, Consumer<JobLease> work) {
    Optional<JobLease> lease = tryAcquire(job, ttl);
    if (lease.isEmpty()) {
      return false;
    }
    try (JobLease held = lease.get()) {
      work.accept(held);
    }
    return true;
  }
}
