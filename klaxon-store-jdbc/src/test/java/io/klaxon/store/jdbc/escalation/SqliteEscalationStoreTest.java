package io.klaxon.store.jdbc.escalation;

import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The escalation store contract on SQLite. */
class SqliteEscalationStoreTest extends EscalationStoreContract {

  @TempDir static Path directory;

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.sqlite(directory);
  }
}
