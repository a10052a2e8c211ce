package io.klaxon.store.jdbc.alert;

import static org.jooq.impl.DSL.excluded;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Subject;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.Retriggers;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.JdbcBatch;
import io.klaxon.store.jdbc.RowInsert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Commits an engine's change set in one transaction, in few statements: this is the hot path. Rows
 * are inserted in batches ({@link RowInsert}), alerts updated in batches ({@link AlertUpdates}).
 */
final class AlertWriter {

  /** Ids per delete statement: well under either database's limit of bind values. */
  private static final int DELETE_CHUNK = 1_000;

  private final DSLContext dsl;
  private final AlertTables tables;
  private final AlertRows rows;
  private final AlertUpdates updates;
  private final RowInsert<Alert> alertInsert;
  private final RowInsert<Alert> occurrencesInsert;
  private final RowInsert<AlertRows.FeedEntry> historyInsert;
  private final AlertLog log;
  private final FeedSequencer sequencer;

  /**
   * The subjects' upsert of one row rendered once and bound directly: a batch of rows where row
   * batches are cheapest, else repeated into one statement of many rows; null when it could not be
   * split so (then jOOQ builds each upsert).
   */
  private final @Nullable JdbcBatch subjectUpsert;

  private final boolean rowBatches;

  /** Counts new alerts where no insert trigger does (SQLite since V16); null elsewhere. */
  private final @Nullable NewAlertCounts newCounts;

  AlertWriter(
      DSLContext dsl,
      Dialect dialect,
      AlertTables tables,
      AlertRows rows,
      Partitioning partitioning) {
    this.dsl = dsl;
    this.tables = tables;
    this.rows = rows;
    this.updates = new AlertUpdates(dsl, dialect, tables, rows);
    this.alertInsert =
        new RowInsert<>(
            dsl,
            dialect,
            tables.alerts.table,
            tables.alerts.insertColumns(),
            alert -> rows.insertValues(alert, partitioning.of(alert.fingerprint())));
    this.occurrencesInsert =
        new RowInsert<>(
            dsl,
            dialect,
            tables.alerts.occurrencesTable,
            tables.alerts.occurrencesColumns(),
            rows::occurrences);
    this.historyInsert =
        new RowInsert<>(
            dsl, dialect, tables.history.table, tables.history.writtenColumns(), rows::values);
    this.sequencer = new FeedSequencer(dsl, dialect, tables);
    this.log = new AlertLog(dsl, dialect, tables);
    AlertTables.Subjects s = tables.subjects;
    JdbcBatch oneSubject =
        new JdbcBatch(
            dsl,
            dialect,
            upsertSubjects(
                s,
                dsl.insertInto(s.table, s.columns())
                    .values(s.columns().stream().<Field<?>>map(DSL::param).toList())),
            s.columns());
    this.rowBatches = dialect.prefersRowBatches();
    this.subjectUpsert = rowBatches || oneSubject.insertsOneRow() ? oneSubject : null;
    this.newCounts =
        dialect.countsNewAlertsByTrigger() ? null : new NewAlertCounts(dsl, dialect, tables);
  }

  /**
   * Writes the change set and appends the partition's pure re-triggers to its log, in one
   * transaction.
   *
   * @return the log entry's number; 0 when there were no re-triggers
   */
  long commit(ChangeSet changes, Retriggers retriggers) {
    if (retriggers.isEmpty()) {
      commit(changes);
      return 0;
    }
    long[] entry = new long[1];
    commit(changes, tx -> entry[0] = log.append(tx, retriggers.partition(), retriggers.alerts()));
    return entry[0];
  }

  /** The materializer's fold, in one transaction (see {@link AlertLog#fold}). */
  void fold(AlertCounts alerts, List<Long> entries) {
    if (alerts.isEmpty() && entries.isEmpty()) {
      return;
    }
    dsl.transaction(configuration -> log.fold(configuration.dsl(), alerts, entries));
  }

  /**
   * Folds what the log holds for a partition (every partition when null) into the rows, in one
   * transaction: what a crash left before the materializer's fold.
   */
  void recover(@Nullable Integer partition) {
    dsl.transaction(configuration -> log.recover(configuration.dsl(), partition));
  }

  /**
   * Writes all of the change set or none of it.
   *
   * @throws io.klaxon.store.ConcurrentChange when an updated alert is no longer at its expected
   *     version
   */
  void commit(ChangeSet changes) {
    commit(changes, () -> {});
  }

  /** Commits as {@link #commit(ChangeSet)} does, running {@code beforeCommit} last (tests). */
  void commit(ChangeSet changes, Runnable beforeCommit) {
    if (changes.isEmpty()) {
      return;
    }
    commit(changes, tx -> beforeCommit.run());
  }

  /**
   * Writes the change set and runs {@code alsoInTransaction} in the same transaction, after the
   * changes: when it throws, nothing of either is kept (cluster mode's fenced offset).
   */
  void commit(ChangeSet changes, Consumer<DSLContext> alsoInTransaction) {
    dsl.transaction(
        configuration -> {
          DSLContext tx = configuration.dsl();
          write(tx, changes);
          alsoInTransaction.accept(tx);
        });
  }

  /**
   * Writes the change set, the pure re-triggers into their rows (not the log) and runs {@code
   * alsoInTransaction}, in one transaction: when it throws, nothing is kept.
   */
  void commit(
      ChangeSet changes,
      List<ChangeSet.AlertUpdate> retriggered,
      Consumer<DSLContext> alsoInTransaction) {
    dsl.transaction(
        configuration -> {
          DSLContext tx = configuration.dsl();
          write(tx, changes);
          updates.applyRetriggers(tx, retriggered);
          alsoInTransaction.accept(tx);
        });
  }

  /**
   * Appends log entries and nothing else as one statement in a transaction of its own (the
   * database's autocommit): a joint commit of pure re-triggers only, the common case under
   * re-triggers, which as a jOOQ transaction cost a second round trip ({@code COMMIT}) and the
   * transaction's set-up on the writer's thread.
   *
   * <p>{@code summaries}, history rows that are not material, go in the same statement
   * (PostgreSQL): with them, a share took the change-set path, a joint transaction of its own, and
   * each summary cost the rate about what two re-triggers do (BENCHMARKS.md, session 12).
   *
   * @return the entries' numbers in the order of the shares
   */
  long[] appendAlone(List<Retriggers> shares, List<HistoryEntry> summaries) {
    return log.append(dsl, shares, summaries);
  }

  /** Runs {@code work} in a transaction of its own and returns its result (joint commits). */
  <T> T transaction(Function<DSLContext, T> work) {
    return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
  }

  /** Writes the change set in the transaction of {@code tx}. */
  void write(DSLContext tx, ChangeSet changes) {
    purge(tx, changes.purged());
    delete(tx, changes.deleted());
    upsertSubjects(tx, changes.subjects());
    // Updates first: a batch may resolve an alert and open a new one for the same
    // fingerprint, and the unique index on active fingerprints checks row by row.
    updates.apply(tx, changes.updated());
    alertInsert.insert(tx, changes.created());
    occurrencesInsert.insert(tx, changes.created());
    if (newCounts != null) {
      newCounts.add(tx, changes.created());
    }
    // Last: on SQLite the feed's counter row stays locked until commit, so keep that short.
    List<AlertRows.FeedEntry> history = positioned(tx, changes.history());
    if (!rowBatches) {
      HistoryArrayInsert.insert(tx, history); // one statement over arrays (PostgreSQL)
    } else {
      historyInsert.insert(tx, history);
    }
  }

  /**
   * Deletes purged subjects first, so that a subject mentioned again later in the same batch is
   * inserted anew. The schema's cascades take the subject's alerts, their history, and whatever
   * else references the subject (a server's row and its detector states).
   */
  private void purge(DSLContext tx, List<ChangeSet.SubjectRef> purged) {
    AlertTables.Subjects s = tables.subjects;
    for (ChangeSet.SubjectRef subject : purged) {
      tx.deleteFrom(s.table).where(s.type.eq(subject.type()), s.key.eq(subject.key())).execute();
    }
  }

  /**
   * Deletes single final alerts (retention); their history goes by the schema's cascade. The engine
   * left every other change to them out of the change set.
   */
  private void delete(DSLContext tx, List<Long> deleted) {
    AlertTables.Alerts a = tables.alerts;
    for (int from = 0; from < deleted.size(); from += DELETE_CHUNK) {
      List<Long> chunk = deleted.subList(from, Math.min(deleted.size(), from + DELETE_CHUNK));
      tx.deleteFrom(a.table).where(a.id.in(chunk)).execute();
    }
  }

  /** Inserts new subjects; rewrites known ones only when name, start or attributes differ. */
  private void upsertSubjects(DSLContext tx, List<Subject> subjects) {
    if (subjects.isEmpty()) {
      return;
    }
    // One row per key: a statement may not upsert the same row twice (PostgreSQL refuses).
    // In key order: partitions that upsert the same subjects side by side lock them in one
    // order, so they wait for each other instead of deadlocking.
    Map<String, Subject> unique = new TreeMap<>();
    for (Subject subject : subjects) {
      unique.put(subject.type() + '\u0000' + subject.key(), subject);
    }
    JdbcBatch upsert = subjectUpsert;
    if (upsert != null && rowBatches) {
      upsert.execute(tx, unique.values().stream().map(rows::values).toList());
      return;
    }
    if (upsert != null) {
      for (List<Subject> chunk :
          RowInsert.chunks(List.copyOf(unique.values()), tables.subjects.columns().size())) {
        upsert.insertRows(tx, chunk.stream().map(rows::values).toList());
      }
      return;
    }
    AlertTables.Subjects s = tables.subjects;
    for (List<Subject> chunk : RowInsert.chunks(List.copyOf(unique.values()), s.columns().size())) {
      InsertValuesStepN<Record> insert = tx.insertInto(s.table, s.columns());
      for (Subject subject : chunk) {
        insert = insert.values(rows.values(subject));
      }
      upsertSubjects(s, insert).execute();
    }
  }

  /** The subjects' rows inserted, or rewritten where name, start or attributes differ. */
  private static Query upsertSubjects(AlertTables.Subjects s, InsertValuesStepN<Record> insert) {
    return insert
        .onConflict(s.type, s.key)
        .doUpdate()
        .set(s.name, excluded(s.name))
        .set(s.startsAt, excluded(s.startsAt))
        .set(s.attributes, excluded(s.attributes))
        .where(
            s.name
                .isDistinctFrom(excluded(s.name))
                .or(s.startsAt.isDistinctFrom(excluded(s.startsAt)))
                .or(s.attributes.isDistinctFrom(excluded(s.attributes))));
  }

  /**
   * Gives the material entries their change feed positions where commits take them (SQLite), from
   * the feed's counter row: updating it locks it until this transaction ends, so another
   * transaction's positions come after this one's commit. On PostgreSQL the entries stay without a
   * position, for the {@link FeedSequencer} run by the feed's readers: partitions then share no row
   * while they commit.
   */
  private List<AlertRows.FeedEntry> positioned(DSLContext tx, List<HistoryEntry> entries) {
    int material =
        sequencer.positionsAtCommit()
            ? (int) entries.stream().filter(HistoryEntry::isMaterial).count()
            : 0;
    long next = 0;
    if (material > 0) {
      AlertTables.Feed feed = tables.feed;
      tx.update(feed.table).set(feed.lastPosition, feed.lastPosition.plus(material)).execute();
      Long last = tx.select(feed.lastPosition).from(feed.table).fetchOne(feed.lastPosition);
      if (last == null) {
        throw new IllegalStateException("alert_feed has no row: the schema is not migrated");
      }
      next = last - material + 1;
    }
    List<AlertRows.FeedEntry> positioned = new ArrayList<>(entries.size());
    for (HistoryEntry entry : entries) {
      positioned.add(
          new AlertRows.FeedEntry(entry, material > 0 && entry.isMaterial() ? next++ : null));
    }
    return positioned;
  }
}
