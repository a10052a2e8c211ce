package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.ActiveMappings;
import io.klaxon.mapping.AuditPage;
import io.klaxon.mapping.AuditQuery;
import io.klaxon.mapping.MappingAuditEntry;
import io.klaxon.mapping.MappingPage;
import io.klaxon.mapping.MappingQuery;
import io.klaxon.mapping.MappingStore;
import io.klaxon.mapping.MappingTransaction;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.UnmappedMarket;
import io.klaxon.mapping.UnmappedPage;
import io.klaxon.mapping.UnmappedPatch;
import io.klaxon.mapping.UnmappedQuery;
import io.klaxon.mapping.UnmappedSighting;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The {@link MappingStore} on SQLite or PostgreSQL, over any JDBC {@link DataSource}. */
public final class JdbcMappingStore implements MappingStore {

  private final DSLContext dsl;
  private final Dialect dialect;
  private final Failures failures;
  private final MappingTables tables;
  private final MappingReader reader;
  private final UnmappedWriter unmapped;

  private JdbcMappingStore(DataSource dataSource, Dialect dialect) {
    this.dialect = dialect;
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.failures = new Failures(dialect);
    this.tables = new MappingTables(dialect);
    this.reader = new MappingReader(tables, new MappingRows(tables));
    this.unmapped = new UnmappedWriter(tables);
  }

  /**
   * Opens the store as {@link JdbcAlertStore#open(DataSource, Schema)} does with the server's
   * schema (the same checks, the same migrations, of which V2 holds the registry's tables); opening
   * both on one database migrates it once.
   *
   * @throws IllegalArgumentException when the database is neither SQLite nor PostgreSQL, or a
   *     SQLite data source does not enforce foreign keys
   * @throws io.klaxon.problem.Unavailable when the database cannot be reached
   */
  public static JdbcMappingStore open(DataSource dataSource) {
    return new JdbcMappingStore(
        dataSource, JdbcAlertStore.open(dataSource, Schema.SERVER).dialect());
  }

  /** The database this store runs on. */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public <T> T inTransaction(Function<MappingTransaction, T> work) {
    return failures.call(
        "change mappings",
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  // First, so that the transaction holds the write lock (SQLite) or the row lock
                  // (PostgreSQL) that serializes mapping changes before it reads anything.
                  MappingTables.Revision r = tables.revision;
                  tx.update(r.table).set(r.revision, r.revision.plus(1)).execute();
                  return work.apply(new JdbcMappingTransaction(tx, dialect, tables, reader));
                }));
  }

  @Override
  public long revision() {
    return failures.call("read the mapping revision", () -> reader.revision(dsl));
  }

  @Override
  public ActiveMappings loadActive() {
    return failures.call(
        "load the active mappings",
        () -> dsl.transactionResult(configuration -> reader.loadActive(configuration.dsl())));
  }

  @Override
  public Optional<MarketMapping> findById(long id) {
    return failures.call("read a mapping", () -> reader.findById(dsl, id));
  }

  @Override
  public MappingPage find(MappingQuery query) {
    return failures.call("list mappings", () -> reader.find(dsl, query));
  }

  @Override
  public List<MarketMapping> all() {
    return failures.call("export mappings", () -> reader.all(dsl));
  }

  @Override
  public List<MappingAuditEntry> auditOf(long mappingId) {
    return failures.call("read a mapping's audit log", () -> reader.auditOf(dsl, mappingId));
  }

  @Override
  public AuditPage audit(AuditQuery query) {
    return failures.call("list the mapping audit log", () -> reader.audit(dsl, query));
  }

  @Override
  public void recordUnmapped(List<UnmappedSighting> sightings) {
    failures.run("record unmapped markets", () -> unmapped.record(dsl, sightings));
  }

  @Override
  public Optional<UnmappedMarket> findUnmapped(long id) {
    return failures.call("read an unmapped market", () -> reader.findUnmapped(dsl, id));
  }

  @Override
  public UnmappedPage findUnmapped(UnmappedQuery query) {
    return failures.call("list unmapped markets", () -> reader.findUnmapped(dsl, query));
  }

  @Override
  public UnmappedMarket updateUnmapped(long id, UnmappedPatch patch) {
    return failures.call(
        "update an unmapped market",
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  unmapped.update(tx, id, patch);
                  return reader.findUnmapped(tx, id).orElseThrow();
                }));
  }
}
