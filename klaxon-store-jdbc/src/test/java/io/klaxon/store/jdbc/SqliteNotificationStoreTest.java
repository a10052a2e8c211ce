package io.klaxon.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The notification store contract on SQLite. */
class SqliteNotificationStoreTest extends NotificationStoreContract {

  @TempDir static Path directory;

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.sqlite(directory);
  }
}
