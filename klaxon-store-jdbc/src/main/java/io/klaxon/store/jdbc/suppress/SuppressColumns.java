package io.klaxon.store.jdbc.suppress;

import io.klaxon.problem.Unavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What the suppression tables need of the two dialects: a jOOQ context and the timestamp type
 * (microseconds since the epoch on SQLite, timestamptz on PostgreSQL, as the alert tables have
 * them).
 */
record SuppressColumns(DSLContext dsl, DataType<Instant> time) {

  private static final long MICROS = 1_000_000L;

  private static final DataType<Instant> SQLITE_TIME =
      SQLDataType.BIGINT.asConvertedDataType(
          Converter.ofNullable(
              Long.class,
              Instant.class,
              micros ->
                  Instant.ofEpochSecond(
                      Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1_000L),
              instant ->
                  Math.addExact(
                      Math.multiplyExact(instant.getEpochSecond(), MICROS),
                      instant.getNano() / 1_000L)));

  /**
   * @throws Unavailable when the database cannot be reached
   */
  static SuppressColumns of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      boolean sqlite =
          connection.getMetaData().getDatabaseProductName().trim().equalsIgnoreCase("SQLite");
      return sqlite
          ? new SuppressColumns(DSL.using(dataSource, SQLDialect.SQLITE), SQLITE_TIME)
          : new SuppressColumns(DSL.using(dataSource, SQLDialect.POSTGRES), SQLDataType.INSTANT);
    } catch (SQLException e) {
      throw new Unavailable("the suppression store cannot be reached: " + e.getMessage(), e);
    }
  }
}
