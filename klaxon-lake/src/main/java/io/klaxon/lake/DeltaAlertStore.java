package io.klaxon.lake;

import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.KernelEngineException;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQueries;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.json.AlertJson;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.SubjectRef;
import io.klaxon.store.ConcurrentChange;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AlertStore} on one Delta table (seed 004's "Delta Lake for all persistence"), for the
 * embeddable {@link io.klaxon.embed.AlertManager}. Every commit of the engine is one Delta commit
 * that appends rows ({@link StoreRows}): the new version of each changed alert, its history
 * entries, subjects, and tombstones for what a purge deleted. An alert's current state is its
 * latest version.
 *
 * <p>Reads: history is always scanned from the table, pruned to the alert's partition and to the
 * files whose statistics can hold its id. Alerts are answered from the state the rows add up to,
 * kept in memory ({@link Reads#CACHED}, the default), or scanned from the table for every question
 * ({@link Reads#SCAN}), with the query's filters on what never changes in an alert (detection time,
 * type, source, id) pushed down as a Kernel predicate that prunes partitions and files. Both answer
 * the same; the scan path needs no memory but reads files.
 *
 * <p>Writers in several processes take turns: a commit must directly follow the table version this
 * store's state was read at, so of two commits on one version one wins and the other fails with
 * {@link ConcurrentChange}, after its store has read the winner's rows. The store compacts itself
 * and keeps its log to a {@link LogRetention} rule.
 */
public final class DeltaAlertStore implements AlertStore {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaAlertStore.class);

  /** Queries answered in memory, attribute values read as the JSON text the JDBC store compares. */
  private static final AlertQueries QUERIES = new AlertQueries(AlertJson::text);

  /** Where alert questions are answered from. */
  public enum Reads {
    /** The current state in memory, built from the table when the store opens. */
    CACHED,
    /** A pruned scan of the table for every question. */
    SCAN
  }

  private final DeltaTable table;
  private final InstantSource clock;
  private final Reads reads;
  private StoreState state = new StoreState();

  /**
   * The table version {@link #state} was read at (or is newer than): the next commit follows it.
   */
  private long readVersion;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final AtomicInteger lastFilesRead = new AtomicInteger();

  /**
   * After this many data files written since the last compaction, a commit compacts the table: each
   * commit adds a file per partition it touches, and every live file is an entry of every
   * checkpoint, so without it checkpoints grow with the number of commits ever made.
   */
  static final int COMPACT_AFTER_FILES = 1000;

  private long filesAtCompaction;

  private DeltaAlertStore(DeltaTable table, InstantSource clock, Reads reads) {
    this.table = table;
    this.clock = clock;
    this.reads = reads;
  }

  /** Opens (or creates) the store in the directory, answering alert questions from memory. */
  public static DeltaAlertStore open(Path directory) {
    return open(directory, InstantSource.system(), Reads.CACHED);
  }

  /**
   * Opens (or creates) the store in the directory and reads its current state.
   *
   * @param clock dates the partition of rows that are not about one alert's detection
   * @throws Unavailable when the directory cannot be read or written
   * @throws IllegalStateException when the directory holds a Delta table of another schema
   */
  public static DeltaAlertStore open(Path directory, InstantSource clock, Reads reads) {
    return open(directory, clock, reads, LogRetention.DEFAULT);
  }

  /**
   * Opens (or creates) the store as {@link #open(Path, InstantSource, Reads)} does, with another
   * rule for how much of the Delta log is kept.
   */
  public static DeltaAlertStore open(
      Path directory, InstantSource clock, Reads reads, LogRetention retention) {
    DeltaTable table =
        guarded(
            () -> DeltaTable.open(directory, StoreRows.SCHEMA, StoreRows.PARTITIONS, retention));
    DeltaAlertStore store = new DeltaAlertStore(table, clock, reads);
    store.reload();
    return store;
  }

  /**
   * Reads the state the table's rows add up to. The version is read first: the scan that follows
   * sees it or a later one, so a commit built on this state never follows a version older than what
   * it saw (at worst a needless conflict, then another reload).
   */
  private void reload() {
    long version = guarded(table::version);
    StoreState read = new StoreState();
    read.replay(
        replayed(kinds(StoreRows.ALERT, StoreRows.SUBJECT, StoreRows.TOMBSTONE, StoreRows.IDS)));
    state = read;
    readVersion = version;
  }

  @Override
  public List<Alert> loadActive() {
    return alerts(AlertQuery.all()).stream()
        .filter(Alert::isActive)
        .sorted(Comparator.comparingLong(Alert::id))
        .toList();
  }

  @Override
  public long maxAlertId() {
    return read(() -> state.maxAlertId());
  }

  @Override
  public Optional<Alert> findById(long id) {
    if (reads == Reads.CACHED) {
      return read(() -> state.alert(id));
    }
    // The scan prunes files, not rows: the file holding the alert holds others too.
    return scanAlerts(new And(kinds(StoreRows.ALERT), equal("alert_id", Literal.ofLong(id))))
        .stream()
        .filter(alert -> alert.id() == id)
        .findFirst();
  }

  @Override
  public AlertPage find(AlertQuery query) {
    return QUERIES.page(alerts(query), query);
  }

  @Override
  public AlertStats stats(AlertQuery query) {
    return QUERIES.stats(alerts(query), query);
  }

  @Override
  public List<HistoryEntry> history(long alertId) {
    Optional<Alert> alert = findById(alertId);
    if (alert.isEmpty()) {
      return List.of();
    }
    Predicate filter =
        new And(
            new And(
                kinds(StoreRows.HISTORY),
                equal("detected_date", dateLiteral(alert.get().detectedAt()))),
            equal("alert_id", Literal.ofLong(alertId)));
    List<HistoryEntry> entries = new ArrayList<>();
    lastFilesRead.set(
        guarded(
            () ->
                table.scan(
                    filter,
                    cells -> {
                      if (cells.longValue("alert_id") == alertId) {
                        entries.add(StoreRows.toHistory(cells));
                      }
                    })));
    entries.sort(Comparator.comparingLong(HistoryEntry::version));
    return entries;
  }

  @Override
  public Optional<Subject> findSubject(String type, String key) {
    SubjectRef ref = new SubjectRef(type, key);
    if (reads == Reads.CACHED) {
      return read(() -> state.subject(ref));
    }
    StoreState scanned = new StoreState();
    scanned.replay(replayed(kinds(StoreRows.SUBJECT, StoreRows.TOMBSTONE)));
    return scanned.subject(ref);
  }

  /**
   * Appends the change set in one Delta commit: all of it or none of it.
   *
   * @throws ConcurrentChange when an updated alert is not at its expected version, a new alert's id
   *     is taken, or another writer committed to the table meanwhile
   * @throws Unavailable when the table cannot be written
   */
  @Override
  public void commit(ChangeSet changes) {
    if (changes.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      check(changes);
      Rows rows = new Rows(state.lastSeq(), StoreRows.date(clock.instant()));
      purge(rows, changes.purged());
      // Retention: final alerts deleted by id, with their history.
      for (long id : changes.deleted()) {
        deleteAlert(rows, id);
      }
      subjects(rows, changes.subjects(), changes.purged());
      alerts(rows, changes);
      history(rows, changes);
      highestId(rows, changes);
      long committed;
      try {
        committed = guarded(() -> table.appendAfter(rows.rows, readVersion));
      } catch (ConcurrentWriteException e) {
        // Another process wrote the table since it was read: ids and versions decided here may
        // be taken. Nothing of this commit landed; read what the other writer did.
        reload();
        throw new ConcurrentChange(
            "another writer committed to the Delta table: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        // The commit may have landed before the failure: memory follows what the table says.
        try {
          reload();
        } catch (RuntimeException unreadable) {
          e.addSuppressed(unreadable);
        }
        throw e;
      }
      rows.applied.forEach(Runnable::run);
      state.noteSeq(rows.seq);
      readVersion = committed;
      if (table.filesWritten() - filesAtCompaction >= COMPACT_AFTER_FILES) {
        compactAfterCommit();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The automatic compaction; the commit before it stands whatever becomes of it. */
  private void compactAfterCommit() {
    try {
      compact();
    } catch (RuntimeException e) {
      filesAtCompaction = table.filesWritten(); // not again at once: after as many files more
      LOG.warn("Compacting the Delta alert store after a commit failed; the commit stands", e);
    }
  }

  /**
   * Rewrites each partition's small files into one, dropping the rows of deleted alerts. Tombstones
   * stay, so that nothing deleted comes back. The store also does this itself after every {@value
   * #COMPACT_AFTER_FILES} data files its commits wrote. The replaced files stay on disk (for
   * readers of older versions) until a vacuum by another tool; the log entries that name them go
   * with the {@link LogRetention} rule.
   */
  public Compaction compact() {
    lock.writeLock().lock();
    try {
      Compaction done =
          guarded(
              () ->
                  table.compact(
                      cells -> {
                        String kind = cells.requiredString("kind");
                        boolean aboutAlert =
                            kind.equals(StoreRows.ALERT) || kind.equals(StoreRows.HISTORY);
                        return !aboutAlert || !state.isDeleted(cells.longValue("alert_id"));
                      }));
      filesAtCompaction = table.filesWritten();
      if (done.version() == readVersion + 1) {
        readVersion = done.version(); // only the rewrite came between: the state still holds
      } else if (done.version() != readVersion) {
        reload(); // another writer's commits too: read them
      }
      return done;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many data files the table is made of now. */
  public int fileCount() {
    return guarded(table::fileCount);
  }

  /** How many data files the last scan of this store read (for tests of pruning). */
  int lastFilesRead() {
    return lastFilesRead.get();
  }

  /** The rows of one commit, numbered in the order they are added, and how memory follows. */
  private static final class Rows {
    final List<@Nullable Object[]> rows = new ArrayList<>();
    final List<Runnable> applied = new ArrayList<>();
    final LocalDate today;
    long seq;

    Rows(long lastSeq, LocalDate today) {
      this.seq = lastSeq;
      this.today = today;
    }

    long next() {
      return ++seq;
    }
  }

  private void check(ChangeSet changes) {
    for (Alert created : changes.created()) {
      if (state.alert(created.id()).isPresent() || state.isDeleted(created.id())) {
        throw new ConcurrentChange("alert id " + created.id() + " is taken", null);
      }
    }
    for (ChangeSet.AlertUpdate update : changes.updated()) {
      long id = update.alert().id();
      boolean purged =
          changes.purged().stream().anyMatch(s -> state.alert(id).map(s::matches).orElse(false));
      Optional<Alert> stored = purged ? Optional.empty() : state.alert(id);
      Optional<Alert> createdHere =
          changes.created().stream().filter(a -> a.id() == id).findFirst();
      long version = createdHere.or(() -> stored).map(Alert::version).orElse(-1L);
      if (createdHere.isEmpty() && version != update.expectedVersion()) {
        throw new ConcurrentChange(id, update.expectedVersion());
      }
    }
  }

  /** Tombstones for each purged subject and every alert about it, which takes their history. */
  private void purge(Rows rows, List<SubjectRef> purged) {
    for (SubjectRef subject : purged) {
      for (long id : state.alertsAbout(subject)) {
        deleteAlert(rows, id);
      }
      rows.rows.add(StoreRows.deletedSubject(subject, rows.today, rows.next()));
      rows.applied.add(() -> state.deleteSubject(subject));
    }
  }

  /** A tombstone for one alert: it and its history are gone for every reader of the store. */
  private void deleteAlert(Rows rows, long id) {
    rows.rows.add(StoreRows.deletedAlert(id, rows.today, rows.next()));
    rows.applied.add(() -> state.deleteAlert(id));
  }

  /** Subjects new or changed; one the store holds as it is needs no row (nor a file). */
  private void subjects(Rows rows, List<Subject> subjects, List<SubjectRef> purged) {
    for (Subject subject : subjects) {
      SubjectRef ref = StoreState.ref(subject);
      if (!purged.contains(ref) && state.subject(ref).filter(subject::equals).isPresent()) {
        continue;
      }
      rows.rows.add(StoreRows.subject(subject, rows.today, rows.next()));
      rows.applied.add(() -> state.putSubject(subject));
    }
  }

  /** The new version of every created or changed alert; the last one of an alert wins. */
  private void alerts(Rows rows, ChangeSet changes) {
    List<Alert> versions = new ArrayList<>(changes.created());
    changes.updated().forEach(update -> versions.add(update.alert()));
    for (Alert alert : versions) {
      rows.rows.add(StoreRows.alert(alert, rows.next()));
      rows.applied.add(() -> state.putAlert(alert));
    }
  }

  private void history(Rows rows, ChangeSet changes) {
    Map<Long, Instant> detected = new HashMap<>();
    changes.created().forEach(a -> detected.put(a.id(), a.detectedAt()));
    changes.updated().forEach(u -> detected.put(u.alert().id(), u.alert().detectedAt()));
    for (HistoryEntry entry : changes.history()) {
      Instant detectedAt =
          detected.computeIfAbsent(
              entry.alertId(), id -> state.alert(id).map(Alert::detectedAt).orElse(entry.at()));
      rows.rows.add(StoreRows.history(entry, StoreRows.date(detectedAt), rows.next()));
    }
  }

  /** Keeps the highest id handed out even when no alert row shows it (a purge took it). */
  private void highestId(Rows rows, ChangeSet changes) {
    long shown = changes.created().stream().mapToLong(Alert::id).max().orElse(0);
    long highest = changes.highestNewId();
    if (highest > shown && highest > state.maxAlertId()) {
      rows.rows.add(StoreRows.highestId(highest, rows.today, rows.next()));
      rows.applied.add(() -> state.noteHighestId(highest));
    }
  }

  /**
   * The current alerts that may match the query: from memory, or scanned with the query's filters
   * on immutable columns as the scan's predicate.
   */
  private List<Alert> alerts(AlertQuery query) {
    if (reads == Reads.CACHED) {
      return read(() -> List.copyOf(state.alerts()));
    }
    return scanAlerts(pushedDown(query));
  }

  private List<Alert> scanAlerts(Predicate filter) {
    StoreState scanned = new StoreState();
    List<StoreState.Replayed> rows =
        new ArrayList<>(replayed(kinds(StoreRows.SUBJECT, StoreRows.TOMBSTONE)));
    rows.addAll(replayed(filter));
    scanned.replay(rows);
    return List.copyOf(scanned.alerts());
  }

  /** What a query says about columns that every version of an alert shares. */
  private static Predicate pushedDown(AlertQuery query) {
    Predicate filter = kinds(StoreRows.ALERT);
    if (query.from() != null) {
      filter =
          new And(
              filter, new Predicate(">=", new Column("detected_date"), dateLiteral(query.from())));
      filter =
          new And(
              filter,
              new Predicate(
                  ">=",
                  new Column("detected_at"),
                  Literal.ofTimestamp(ValuesVector.micros(query.from()))));
    }
    if (query.to() != null) {
      filter =
          new And(
              filter, new Predicate("<=", new Column("detected_date"), dateLiteral(query.to())));
      filter =
          new And(
              filter,
              new Predicate(
                  "<",
                  new Column("detected_at"),
                  Literal.ofTimestamp(ValuesVector.micros(query.to()))));
    }
    filter = andAnyOf(filter, "type", query.types());
    filter = andAnyOf(filter, "source", query.sources());
    return filter;
  }

  private static Predicate andAnyOf(Predicate filter, String column, Set<String> values) {
    Predicate any = null;
    for (String value : values.stream().sorted().toList()) {
      Predicate one = equal(column, Literal.ofString(value));
      any = any == null ? one : new Or(any, one);
    }
    return any == null ? filter : new And(filter, any);
  }

  private List<StoreState.Replayed> replayed(Predicate filter) {
    List<StoreState.Replayed> rows = new ArrayList<>();
    lastFilesRead.set(
        guarded(
            () ->
                table.scan(
                    filter,
                    cells -> {
                      StoreState.Replayed row = StoreState.read(cells);
                      if (row != null) {
                        rows.add(row);
                      }
                    })));
    return rows;
  }

  private static Predicate kinds(String... kinds) {
    Predicate any = null;
    for (String kind : kinds) {
      Predicate one = equal("kind", Literal.ofString(kind));
      any = any == null ? one : new Or(any, one);
    }
    return java.util.Objects.requireNonNull(any);
  }

  private static Predicate equal(String column, Literal value) {
    return new Predicate("=", new Column(column), value);
  }

  private static Literal dateLiteral(Instant instant) {
    return Literal.ofDate((int) StoreRows.date(instant).toEpochDay());
  }

  private <T> T read(Supplier<T> question) {
    lock.readLock().lock();
    try {
      return question.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Kernel's and Hadoop's I/O failures as the store port's {@link Unavailable}. */
  private static <T> T guarded(Supplier<T> io) {
    try {
      return io.get();
    } catch (UncheckedIOException | KernelEngineException e) {
      throw new Unavailable(
          "the Delta alert store cannot be read or written: " + e.getMessage(), e);
    }
  }
}
