package io.klaxon.server.suppress;

import io.klaxon.store.jdbc.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The maintenance window and inhibition rule API on the embedded default, SQLite in a data dir of
 * its own.
 */
class SqliteWindowsAndInhibitionApiTest extends WindowsAndInhibitionApiContract {

  static TestDatabase database;

  @BeforeAll
  static void openDatabase() throws IOException {
    database = TestDatabase.sqlite(Files.createTempDirectory("klaxon-windows-"));
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("klaxon.db.url", () -> database.jdbcUrl());
  }
}
