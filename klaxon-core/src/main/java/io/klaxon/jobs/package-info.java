/**
 * Scheduled jobs that several instances on one database must not run at once: the {@link
 * io.klaxon.jobs.JobLock} port, whose leases say which instance runs a job now.
 */
@NullMarked
package io.klaxon.jobs;

import org.jspecify.annotations.NullMarked;
