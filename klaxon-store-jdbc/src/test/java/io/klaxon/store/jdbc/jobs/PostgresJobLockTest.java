package io.klaxon.store.jdbc.jobs;

import io.klaxon.store.jdbc.TestDatabase;

/** The job lease contract on PostgreSQL, in a schema of its own. */
class PostgresJobLockTest extends JobLockContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
