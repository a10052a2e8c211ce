package io.klaxon.server.suppress;

import io.klaxon.store.jdbc.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The maintenance window and inhibition rule API on the PostgreSQL, in a schema of its own. */
class PostgresWindowsAndInhibitionApiTest extends WindowsAndInhibitionApiContract {

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
