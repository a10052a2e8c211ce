package io.klaxon.store.jdbc.suppress;

import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The window and inhibition rule store contract on SQLite. */
class SqliteWindowAndRuleStoreTest extends WindowAndRuleStoreContract {

  @TempDir static Path directory;

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.sqlite(directory);
  }
}
