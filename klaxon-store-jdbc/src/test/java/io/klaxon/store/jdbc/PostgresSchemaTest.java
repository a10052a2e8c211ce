package io.klaxon.store.jdbc;

/** The two schemas on PostgreSQL, each test in a schema of its own. */
class PostgresSchemaTest extends SchemaContract {

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
