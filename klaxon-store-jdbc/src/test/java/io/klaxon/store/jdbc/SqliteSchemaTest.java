package io.klaxon.store.jdbc;

/** The two schemas on SQLite. */
class SqliteSchemaTest extends SchemaContract {

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
