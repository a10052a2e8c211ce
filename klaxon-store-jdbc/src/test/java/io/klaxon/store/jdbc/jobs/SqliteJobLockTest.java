package io.klaxon.store.jdbc.jobs;

import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The job lease contract on SQLite. */
class SqliteJobLockTest extends JobLockContract {

  @TempDir static Path directory;

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.sqlite(directory);
  }
}
