package io.klaxon.store.jdbc.suppress;

import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The silence store contract on SQLite. */
class SqliteSilenceStoreTest extends SilenceStoreContract {

  @TempDir static Path directory;

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.sqlite(directory);
  }
}
