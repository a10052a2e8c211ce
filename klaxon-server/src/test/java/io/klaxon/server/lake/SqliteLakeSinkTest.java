package io.klaxon.server.lake;

import io.klaxon.store.jdbc.Dialect;

/** The lake sink across restarts on SQLite. */
class SqliteLakeSinkTest extends LakeSinkRestartContract {

  @Override
  protected String jdbcUrl() {
    return Dialect.sqliteUrl(dir.resolve("klaxon.db"));
  }
}
