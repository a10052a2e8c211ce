package io.klaxon.server.notify;

import io.klaxon.store.jdbc.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Importing an alertmanager.yml on PostgreSQL, in a schema of its own. */
class PostgresAlertmanagerImportTest extends AlertmanagerImportContract {

  static TestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.postgres();
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
