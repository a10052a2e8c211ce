package io.klaxon.store.jdbc.cluster;

import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Cluster mode's record of partition ownership in PostgreSQL ({@code cluster_partitions}): each
 * partition's owner epoch and the next offset of the command topic to apply, and the blocks of
 * alert ids ({@code alert_id_blocks}). Only PostgreSQL: several instances share it.
 */
public final class JdbcPartitionLedger {

  /** Ids in one block: block {@code n} hands out {@code n * BLOCK_SIZE + 1} onwards. */
  public static final long BLOCK_SIZE = 1L << 20;

  private final DSLContext dsl;
  private final Failures failures;

  private JdbcPartitionLedger(DataSource dataSource) {
    this.dsl = DSL.using(dataSource, Dialect.POSTGRESQL.sqlDialect());
    this.failures = new Failures(Dialect.POSTGRESQL);
  }

  /**
   * The ledger of a database already migrated with the server's schema ({@link
   * io.klaxon.store.jdbc.Schema#SERVER}, migration V50), with {@code partitions} rows: created on
   * the first start, checked on every later one. Id blocks are moved past every id handed out so
   * far (a database may have run on a single instance since its migration).
   *
   * @throws IllegalStateException when the database is not PostgreSQL, or records another number of
   *     partitions
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcPartitionLedger open(DataSource dataSource, int partitions) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (Dialect.ofProductName(product) != Dialect.POSTGRESQL) {
        throw new IllegalStateException(
            "cluster mode needs PostgreSQL (klaxon.db.url=jdbc:postgresql://...), not " + product);
      }
    } catch (SQLException e) {
      throw new Unavailable("the database cannot be reached: " + e.getMessage(), e);
    }
    JdbcPartitionLedger ledger = new JdbcPartitionLedger(dataSource);
    ledger.failures.run("prepare the partition ledger", () -> ledger.prepare(partitions));
    return ledger;
  }

  private void prepare(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    dsl.transaction(
        configuration -> {
          DSLContext tx = configuration.dsl();
          tx.execute("LOCK TABLE cluster_partitions IN EXCLUSIVE MODE");
          int recorded = tx.fetchCount(DSL.table(DSL.name("cluster_partitions")));
          if (recorded == 0) {
            for (int p = 0; p < partitions; p++) {
              tx.execute("INSERT INTO cluster_partitions (partition) VALUES (?)", p);
            }
          } else if (recorded != partitions) {
            throw new IllegalStateException(
                "this database records "
                    + recorded
                    + " partitions for cluster mode, but "
                    + partitions
                    + " are configured (klaxon.engine.partitions): the number of partitions is"
                    + " fixed when a database is created; configure "
                    + recorded);
          }
          // Past every id a single instance reserved (reserved_through) or stored (last_id).
          tx.execute(
              "SELECT setval('alert_id_blocks', GREATEST((SELECT last_value FROM"
                  + " alert_id_blocks), (SELECT GREATEST(last_id, reserved_through) FROM"
                  + " alert_ids) / ? + 1))",
              BLOCK_SIZE);
        });
  }

  /** How many partitions the database records. */
  public int partitions() {
    return failures.call(
        "count partitions", () -> dsl.fetchCount(DSL.table(DSL.name("cluster_partitions"))));
  }

  /**
   * Takes a partition over: raises its epoch, so that any former owner can no longer commit to it.
   *
   * @return the new epoch and the next offset to apply
   * @throws Unavailable when the database cannot be reached
   */
  public Claim claim(int partition, String owner) {
    return failures.call(
        "take a partition over",
        () -> {
          Record row =
              dsl.fetchOne(
                  "UPDATE cluster_partitions SET epoch = epoch + 1, owner = ?, claimed_at = now()"
                      + " WHERE partition = ? RETURNING epoch, next_offset",
                  owner,
                  partition);
          if (row == null) {
            throw new IllegalArgumentException("no partition " + partition + " in the ledger");
          }
          return new Claim(partition, row.get(0, Long.class), row.get(1, Long.class));
        });
  }

  /**
   * Records, inside a transaction of the caller's, that the records before {@code nextOffset} are
   * applied: the fence of a commit.
   *
   * @throws Fenced when the partition has an epoch other than {@code epoch}: another instance took
   *     it over, and the caller's transaction must not commit
   */
  public static void advance(DSLContext tx, int partition, long epoch, long nextOffset) {
    int updated =
        tx.execute(
            "UPDATE cluster_partitions SET next_offset = GREATEST(next_offset, ?)"
                + " WHERE partition = ? AND epoch = ?",
            nextOffset,
            partition,
            epoch);
    if (updated == 0) {
      throw new Fenced(partition, epoch);
    }
  }

  /** {@link #advance(DSLContext, int, long, long)} in a transaction of its own. */
  public void advance(int partition, long epoch, long nextOffset) {
    failures.run(
        "record a partition's offset",
        () ->
            dsl.transaction(
                configuration -> advance(configuration.dsl(), partition, epoch, nextOffset)));
  }

  /** The partition's current epoch: a later one than a caller's means it lost the partition. */
  public long epoch(int partition) {
    return failures.call(
        "read a partition's epoch",
        () -> {
          Object epoch =
              dsl.fetchValue("SELECT epoch FROM cluster_partitions WHERE partition = ?", partition);
          if (!(epoch instanceof Number number)) {
            throw new IllegalArgumentException("no partition " + partition + " in the ledger");
          }
          return number.longValue();
        });
  }

  /**
   * Reserves a block of alert ids no other engine gets.
   *
   * @return the largest id before the block: the engine hands out the ids after it, up to {@link
   *     #BLOCK_SIZE} of them
   */
  public long reserveIdBlock() {
    return failures.call(
        "reserve alert ids",
        () -> {
          // nextval always answers a value: a sequence never yields null.
          Number block =
              Objects.requireNonNull((Number) dsl.fetchValue("SELECT nextval('alert_id_blocks')"));
          long before = block.longValue() * BLOCK_SIZE;
          // Commits no longer record the largest id; the counter a single instance reserves from
          // must still start past this block, should the database run on one instance later.
          dsl.execute(
              "UPDATE alert_ids SET reserved_through = GREATEST(reserved_through, ?)",
              before + BLOCK_SIZE);
          return before;
        });
  }

  /** A partition taken over: the owner's epoch and the next offset of the topic to apply. */
  public record Claim(int partition, long epoch, long nextOffset) {}
}
