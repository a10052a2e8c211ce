package io.klaxon.server;

import io.klaxon.store.jdbc.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Klaxon's settings ({@code klaxon.*}, or {@code KLAXON_*} in the environment); the defaults are
 * documented in docs/OPERATIONS.md.
 *
 * @param dataDir where the embedded database and other local files live
 * @param db the database; SQLite in the data dir unless a URL says otherwise
 * @param api limits of the HTTP API
 * @param engine the write path's queue and batches
 */
@ConfigurationProperties("klaxon")
public record KlaxonProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue Db db,
    @DefaultValue Api api,
    @DefaultValue Engine engine) {

  /**
   * The database.
   *
   * @param url JDBC URL; {@code jdbc:postgresql://…} selects PostgreSQL, empty means SQLite in the
   *     data dir
   * @param poolSize most connections kept open
   * @param connectTimeout how long to wait for a connection before the store counts as away
   */
  public record Db(
      @Nullable String url,
      @Nullable String username,
      @Nullable String password,
      @DefaultValue("10") int poolSize,
      @DefaultValue("3s") Duration connectTimeout) {}

  /**
   * Limits on what one API request may carry.
   *
   * @param maxBodySize largest request body accepted; larger ones get 413
   * @param maxEvents most alert events in one request
   * @param maxAttributes most attributes on one alert event
   * @param maxAttributeLength longest attribute value, as its text, in characters
   */
  public record Api(
      @DefaultValue("16MB") DataSize maxBodySize,
      @DefaultValue("10000") int maxEvents,
      @DefaultValue("100") int maxAttributes,
      @DefaultValue("4000") int maxAttributeLength) {}

  /**
   * The alert engine's queue and batches.
   *
   * @param queueCapacity most commands waiting for a commit; past it, writes answer 503
   * @param maxBatch most commands in one transaction
   * @param retryFor how long a commit is retried while the database is unavailable
   * @param partitions engine partitions, recorded in the database when it is created (1 on SQLite,
   *     16 on PostgreSQL when unset); a database created with another number refuses to start
   * @param materializeEvery how long pure re-triggers stay in a partition's log before they are
   *     folded into the alerts' rows
   * @param maxMaterializerLag past this age of the oldest re-trigger not yet folded, writes answer
   *     503 until the materializer catches up
   */
  public record Engine(
      @DefaultValue("200000") int queueCapacity,
      @DefaultValue("20000") int maxBatch,
      @DefaultValue("10s") Duration retryFor,
      @Nullable Integer partitions,
      @DefaultValue("250ms") Duration materializeEvery,
      @DefaultValue("5s") Duration maxMaterializerLag) {}

  /** The JDBC URL in force: the configured one, or SQLite in the data dir. */
  public String jdbcUrl() {
    if (db.url() != null && !db.url().isBlank()) {
      return db.url();
    }
    return Dialect.sqliteUrl(dataDir.resolve("klaxon.db").toAbsolutePath().normalize());
  }
}
