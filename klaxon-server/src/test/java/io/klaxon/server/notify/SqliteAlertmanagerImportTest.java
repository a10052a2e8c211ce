package io.klaxon.server.notify;

import io.klaxon.store.jdbc.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Importing an alertmanager.yml on the embedded default, SQLite in a data dir of its own. */
class SqliteAlertmanagerImportTest extends AlertmanagerImportContract {

  static TestDatabase database;

  @BeforeAll
  static void openDatabase() throws IOException {
    database = TestDatabase.sqlite(Files.createTempDirectory("klaxon-am-import-"));
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
