package io.klaxon.jobs;

/** A held lease on a job (see {@link JobLock}); closing it gives the job up for others at once. */
public interface JobLease extends AutoCloseable {

  /** The job's name. */
  String job();

  /**
   * Extends the lease by its time to live, counted from now. A long run calls it between steps.
   *
   * @return false when the lease was lost (it ran out and another holder took the job): the run
   *     should stop
   */
  boolean renew();

  /** Gives the lease up; nothing when it was lost already. */
  @Override
  void close();
}
