package io.klaxon.store.jdbc;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Which of Klaxon's tables a database gets: the alert store's alone (an embedded {@code
 * AlertManager}), or the server's as well.
 *
 * <p>The migrations live in two Flyway locations per dialect (see {@code db/README.md} in this
 * module's resources): {@code db/alerts/{dialect}} for the tables {@link
 * io.klaxon.store.jdbc.alert.JdbcAlertStore} reads and writes, {@code db/migration/{dialect}} for
 * every server feature's. Both share one version sequence and one history table ({@code
 * flyway_schema_history}), so a database migrated before the split (all files in {@code
 * db/migration}) has applied exactly the same versions with the same checksums and opens as either
 * schema with no manual step.
 */
public enum Schema {
  /** Alerts, their history, subjects, ids and counts: what the embedded library uses. */
  ALERTS,
  /** The alert store's tables and every server feature's (keys, hosts, notifications, …). */
  SERVER;

  /** The Flyway locations of this schema's migrations on a dialect. */
  public List<String> locations(Dialect dialect) {
    String alerts = "classpath:db/alerts/" + dialect.folder();
    return this == ALERTS
        ? List.of(alerts)
        : List.of(alerts, "classpath:db/migration/" + dialect.folder());
  }

  /**
   * Migrates the database to the current version of this schema.
   *
   * <p>Out of order when there is something to apply below the newest applied version: version
   * ranges are handed out per feature, so a new release may bring a migration numbered below one
   * already applied (a new alert-table migration under a server database's newest), and an
   * alerts-only database later opened by the server gets the server's lower versions. Only then,
   * because Flyway warns of out-of-order mode on every run. The alert schema also ignores applied
   * migrations it does not have (the server's, when an embedded program opens a server's database).
   */
  public void migrate(DataSource dataSource, Dialect dialect) {
    Flyway inOrder = flyway(dataSource, dialect).load();
    boolean belowNewest =
        Arrays.stream(inOrder.info().all())
            .anyMatch(migration -> migration.getState() == MigrationState.IGNORED);
    Flyway flyway = belowNewest ? flyway(dataSource, dialect).outOfOrder(true).load() : inOrder;
    flyway.migrate();
  }

  private FluentConfiguration flyway(DataSource dataSource, Dialect dialect) {
    FluentConfiguration configuration =
        Flyway.configure(Schema.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations(dialect).toArray(String[]::new));
    return this == ALERTS
        ? configuration.ignoreMigrationPatterns("*:missing", "*:future")
        : configuration;
  }
}
