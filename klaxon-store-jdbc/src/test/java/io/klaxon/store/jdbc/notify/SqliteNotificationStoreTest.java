package io.klaxon.store.jdbc.notify;

import io.klaxon.store.jdbc.TestDatabase;
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
