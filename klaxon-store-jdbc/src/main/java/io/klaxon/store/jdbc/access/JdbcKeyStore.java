package io.klaxon.store.jdbc.access;

import static org.jooq.impl.DSL.name;

import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyStore;
import io.klaxon.access.Scope;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** API keys in the {@code api_keys} table on SQLite or PostgreSQL. */
public final class JdbcKeyStore implements KeyStore {

  private static final String TABLE = "api_keys";

  private final DSLContext dsl;
  private final Failures failures;
  private final Table<Record> keys = DSL.table(name(TABLE));
  private final Field<String> id = text("id");
  private final Field<String> keyName = text("name");
  private final Field<String> scopes = text("scopes");
  private final Field<String> secretHash = text("secret_hash");
  private final Field<Instant> createdAt;
  private final Field<String> createdBy = text("created_by");
  private final Field<Instant> expiresAt;
  private final Field<Instant> lastUsedAt;
  private final Field<Instant> revokedAt;

  private JdbcKeyStore(DataSource dataSource, Dialect dialect) {
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.failures = new Failures(dialect);
    DataType<Instant> time = dialect.timestamp();
    this.createdAt = DSL.field(name(TABLE, "created_at"), time);
    this.expiresAt = DSL.field(name(TABLE, "expires_at"), time);
    this.lastUsedAt = DSL.field(name(TABLE, "last_used_at"), time);
    this.revokedAt = DSL.field(name(TABLE, "revoked_at"), time);
  }

  private static Field<String> text(String column) {
    return DSL.field(name(TABLE, column), SQLDataType.VARCHAR);
  }

  /**
   * Opens the store on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcKeyStore open(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      return new JdbcKeyStore(dataSource, dialect);
    } catch (SQLException e) {
      throw new Unavailable("the key store's database cannot be reached: " + e.getMessage(), e);
    }
  }

  @Override
  public void add(ApiKey key) {
    Conflict taken = new Conflict("name", "a key named '" + key.name() + "' exists already");
    if (failures.call(
        "check the key name",
        () -> dsl.fetchExists(keys, keyName.eq(key.name()).and(revokedAt.isNull())))) {
      throw taken;
    }
    try {
      failures.run(
          "store the key",
          () ->
              dsl.insertInto(keys)
                  .set(id, key.id())
                  .set(keyName, key.name())
                  .set(scopes, Scope.words(key.scopes()))
                  .set(secretHash, key.secretHash())
                  .set(createdAt, key.createdAt())
                  .set(createdBy, key.createdBy())
                  .set(expiresAt, key.expiresAt())
                  .set(lastUsedAt, key.lastUsedAt())
                  .set(revokedAt, key.revokedAt())
                  .execute());
    } catch (ConcurrentChange e) {
      // Another writer took the name between the check and the insert.
      throw taken;
    }
  }

  @Override
  public Optional<ApiKey> find(String keyId) {
    return failures.call(
        "read the key",
        () -> dsl.select(columns()).from(keys).where(id.eq(keyId)).fetchOptional(this::key));
  }

  @Override
  public List<ApiKey> list() {
    return failures.call(
        "list the keys",
        () -> dsl.select(columns()).from(keys).orderBy(createdAt, id).fetch(this::key));
  }

  @Override
  public boolean revoke(String keyId, Instant at) {
    return failures.call(
        "revoke the key",
        () ->
            dsl.update(keys)
                    .set(revokedAt, at)
                    .where(id.eq(keyId).and(revokedAt.isNull()))
                    .execute()
                > 0);
  }

  @Override
  public void touch(String keyId, Instant at) {
    failures.run(
        "record the key's use",
        () -> dsl.update(keys).set(lastUsedAt, at).where(id.eq(keyId)).execute());
  }

  @Override
  public int countUsable(Instant now) {
    Condition usable = revokedAt.isNull().and(expiresAt.isNull().or(expiresAt.gt(now)));
    return failures.call("count the keys", () -> dsl.fetchCount(keys, usable));
  }

  private List<Field<?>> columns() {
    return List.of(
        id, keyName, scopes, secretHash, createdAt, createdBy, expiresAt, lastUsedAt, revokedAt);
  }

  private ApiKey key(Record row) {
    return new ApiKey(
        row.get(id),
        row.get(keyName),
        Scope.parse("scopes", row.get(scopes)),
        row.get(secretHash),
        row.get(createdAt),
        row.get(createdBy),
        row.get(expiresAt),
        row.get(lastUsedAt),
        row.get(revokedAt));
  }
}
