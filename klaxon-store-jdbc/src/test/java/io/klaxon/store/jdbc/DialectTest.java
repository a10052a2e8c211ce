package io.klaxon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialectTest {

  @Test
  void theDialectIsTheDatabaseProduct() {
    assertThat(Dialect.ofProductName("SQLite")).isEqualTo(Dialect.SQLITE);
    assertThat(Dialect.ofProductName("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void anyOtherDatabaseIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> JdbcAlertStore.open(dataSourceOf("H2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the alert store runs on SQLite or PostgreSQL, not on 'H2'");
  }

  @Test
  void sqliteUrlsCarryThePerConnectionSettings() {
    assertThat(Dialect.sqliteUrl(Path.of("/data/klaxon.db")))
        .isEqualTo(
            "jdbc:sqlite:/data/klaxon.db?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE&busy_timeout=10000"
                + "&wal_autocheckpoint=10000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T10:00:00.123456Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999Z",
        "1900-06-15T12:30:00.000001Z",
        "9999-12-31T23:59:59.999999Z"
      })
  void microsecondsSinceTheEpochAreExact(String text) {
    Instant instant = Instant.parse(text);

    assertThat(Micros.toInstant(Micros.of(instant))).isEqualTo(instant);
  }

  @Test
  void microsecondsOrderAsTheInstantsDo() {
    assertThat(Micros.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
    assertThat(Micros.of(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002L);
  }

  /** A data source whose connections say they belong to another database product. */
  private static DataSource dataSourceOf(String product) {
    DatabaseMetaData metaData =
        proxy(
            DatabaseMetaData.class,
            (method, args) -> method.equals("getDatabaseProductName") ? product : null);
    Connection connection =
        proxy(Connection.class, (method, args) -> method.equals("getMetaData") ? metaData : null);
    return proxy(
        DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            DialectTest.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args)));
  }
}
