package io.klaxon.lake;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Delta table in a directory, through Delta Kernel's default engine: created on first open,
 * appended to in transactions (optionally marked with an idempotent writer's id and version),
 * scanned with a predicate that prunes partitions and files by their statistics, and compacted.
 *
 * <p>Files are read and written with {@link LocalFileIO}, not Hadoop's file system. Rows are {@code
 * Object[]} in the schema's order (see {@link ValuesVector} for the Java types). Kernel has no
 * public API for the remove actions a compaction needs; those come from its internal {@code
 * AddFile}/{@code SingleAction}, as do the scan helpers that its own examples use ({@code
 * InternalScanFileUtils}, {@code ScanStateRow}).
 *
 * <p>Not thread-safe for writes: the owner serialises appends and compactions.
 */
final class DeltaTable {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaTable.class);

  /** Written into every commit's {@code commitInfo.engineInfo}. */
  static final String ENGINE_INFO = "Klaxon";

  /** The table property that sets how many commits go between checkpoints. */
  static final String CHECKPOINT_INTERVAL = "delta.checkpointInterval";

  private final Engine engine;
  private final Path directory;
  private final LogRetention retention;
  private final Table table;
  private final StructType schema;
  private final List<String> partitionColumns;

  /** Data files this instance wrote: appends and compactions. */
  private long filesWritten;

  private DeltaTable(
      Engine engine,
      Path directory,
      LogRetention retention,
      Table table,
      StructType schema,
      List<String> partitionColumns) {
    this.engine = engine;
    this.directory = directory;
    this.retention = retention;
    this.table = table;
    this.schema = schema;
    this.partitionColumns = partitionColumns;
  }

  /**
   * Opens the table in the directory, creating it (empty, with this schema and partitioning) when
   * there is none.
   *
   * @throws IllegalStateException when a table is there with another schema
   */
  static DeltaTable open(Path directory, StructType schema, List<String> partitionColumns) {
    return open(directory, schema, partitionColumns, LogRetention.DEFAULT);
  }

  /**
   * Opens the table as {@link #open(Path, StructType, List)} does, keeping its log to the retention
   * rule after each checkpoint. A table without Klaxon's checkpoint interval (created by an earlier
   * version) gets it in a commit of its own.
   */
  static DeltaTable open(
      Path directory, StructType schema, List<String> partitionColumns, LogRetention retention) {
    return QuietHadoop.call(() -> openQuietly(directory, schema, partitionColumns, retention));
  }

  private static DeltaTable openQuietly(
      Path directory, StructType schema, List<String> partitionColumns, LogRetention retention) {
    Engine engine = DefaultEngine.create(new LocalFileIO());
    String path = LocalFileIO.qualified(directory);
    Table table = Table.forPath(engine, path);
    try {
      Snapshot snapshot = table.getLatestSnapshot(engine);
      if (!snapshot.getSchema().equivalent(schema)
          || !snapshot.getPartitionColumnNames().equals(partitionColumns)) {
        throw new IllegalStateException(
            "the Delta table at "
                + directory
                + " has another schema or partitioning than "
                + "Klaxon writes: "
                + snapshot.getSchema()
                + " by "
                + snapshot.getPartitionColumnNames());
      }
      if (!checkpointInterval().equals(snapshot.getTableProperties().get(CHECKPOINT_INTERVAL))) {
        table
            .createTransactionBuilder(engine, ENGINE_INFO, Operation.MANUAL_UPDATE)
            .withTableProperties(engine, Map.of(CHECKPOINT_INTERVAL, checkpointInterval()))
            .build(engine)
            .commit(engine, CloseableIterable.emptyIterable());
      }
    } catch (TableNotFoundException missing) {
      Transaction create =
          table
              .createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
              .withSchema(engine, schema)
              .withPartitionColumns(engine, partitionColumns)
              .withTableProperties(engine, Map.of(CHECKPOINT_INTERVAL, checkpointInterval()))
              .build(engine);
      create.commit(engine, CloseableIterable.emptyIterable());
      LOG.info("Created the Delta table {}", path);
    }
    return new DeltaTable(engine, directory, retention, table, schema, partitionColumns);
  }

  private static String checkpointInterval() {
    return Integer.toString(LogRetention.CHECKPOINT_INTERVAL);
  }

  /** The latest committed version of the table. */
  long version() {
    return QuietHadoop.call(() -> snapshot().getVersion());
  }

  /**
   * The version an idempotent writer last committed under its id (Delta's {@code txn} action),
   * empty when it never committed.
   */
  Optional<Long> transactionVersion(String appId) {
    return QuietHadoop.call(() -> snapshot().getLatestTransactionVersion(engine, appId));
  }

  /**
   * Appends the rows in one commit: one Parquet file per partition, with statistics on the leading
   * columns. With a writer id, the commit also records {@code (appId, appVersion)}.
   *
   * @return the committed table version
   */
  long append(List<@Nullable Object[]> rows, @Nullable String appId, long appVersion) {
    return QuietHadoop.call(() -> appendQuietly(rows, appId, appVersion, ANY_VERSION));
  }

  /** No expectation of the version an append reads: Kernel rebases blind appends itself. */
  static final long ANY_VERSION = -1;

  /**
   * Appends the rows in one commit that must directly follow version {@code readVersion}: the
   * writer decided what to write from that version, so a commit of anyone else since then, or
   * meeting this one on the same version (the log file is put only if absent), fails it instead of
   * letting Kernel rebase it as a blind append.
   *
   * @return the committed table version, {@code readVersion + 1}
   * @throws ConcurrentWriteException when the table is no longer at {@code readVersion}
   */
  long appendAfter(List<@Nullable Object[]> rows, long readVersion) {
    return QuietHadoop.call(() -> appendQuietly(rows, null, 0, readVersion));
  }

  private long appendQuietly(
      List<@Nullable Object[]> rows, @Nullable String appId, long appVersion, long readVersion) {
    TransactionBuilder builder =
        table.createTransactionBuilder(engine, ENGINE_INFO, Operation.WRITE);
    if (appId != null) {
      builder = builder.withTransactionId(engine, appId, appVersion);
    }
    if (readVersion != ANY_VERSION) {
      builder = builder.withMaxRetries(0);
    }
    Transaction transaction = builder.build(engine);
    if (readVersion != ANY_VERSION && transaction.getReadTableVersion() != readVersion) {
      throw new ConcurrentWriteException(
          "the table is at version "
              + transaction.getReadTableVersion()
              + ", not at version "
              + readVersion
              + " this writer read");
    }
    Row state = transaction.getTransactionState(engine);
    List<Row> actions = new ArrayList<>();
    for (Map.Entry<List<Object>, List<@Nullable Object[]>> partition :
        byPartition(rows).entrySet()) {
      actions.addAll(write(state, partition.getValue()));
    }
    return commit(transaction, actions);
  }

  /**
   * Reads every row of the files the filter cannot rule out, by partition values or by file
   * statistics; the rows themselves are not filtered.
   *
   * @return how many data files were read
   */
  int scan(@Nullable Predicate filter, Consumer<Cells> each) {
    return QuietHadoop.call(() -> scanQuietly(filter, each));
  }

  private int scanQuietly(@Nullable Predicate filter, Consumer<Cells> each) {
    Snapshot snapshot = snapshot();
    ScanBuilder builder = snapshot.getScanBuilder().withReadSchema(schema);
    if (filter != null) {
      builder = builder.withFilter(filter);
    }
    Scan scan = builder.build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    int files = 0;
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> fileRows = scanFiles.next().getRows()) {
          while (fileRows.hasNext()) {
            Row scanFile = fileRows.next();
            files++;
            readFile(scanState, physical, scanFile, each);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta table " + snapshot.getPath(), e);
    }
    return files;
  }

  /** How many data files the table's latest version is made of. */
  int fileCount() {
    return QuietHadoop.call(this::fileCountQuietly);
  }

  private int fileCountQuietly() {
    int files = 0;
    try (CloseableIterator<FilteredColumnarBatch> scanFiles =
        snapshot().getScanBuilder().build().getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> rows = scanFiles.next().getRows()) {
          while (rows.hasNext()) {
            rows.next();
            files++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * Rewrites every partition made of more than one file into one file, keeping only the rows {@code
   * keep} accepts, in one commit that removes the old files (readers of older versions still find
   * them until they are vacuumed).
   */
  Compaction compact(java.util.function.Predicate<Cells> keep) {
    return QuietHadoop.call(() -> compactQuietly(keep));
  }

  private Compaction compactQuietly(java.util.function.Predicate<Cells> keep) {
    long started = System.nanoTime();
    Snapshot snapshot = snapshot();
    Map<Map<String, String>, List<Row>> partitions = new LinkedHashMap<>();
    int before = 0;
    try (CloseableIterator<FilteredColumnarBatch> scanFiles =
        snapshot.getScanBuilder().build().getScanFiles(engine, true)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> rows = scanFiles.next().getRows()) {
          while (rows.hasNext()) {
            Row scanFile = rows.next();
            before++;
            partitions
                .computeIfAbsent(
                    InternalScanFileUtils.getPartitionValues(scanFile), p -> new ArrayList<>())
                .add(scanFile);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    partitions.values().removeIf(files -> files.size() < 2);
    if (partitions.isEmpty()) {
      return new Compaction(before, before, 0, snapshot.getVersion(), elapsed(started));
    }
    Transaction transaction =
        table.createTransactionBuilder(engine, ENGINE_INFO, Operation.MANUAL_UPDATE).build(engine);
    Row state = transaction.getTransactionState(engine);
    Row scanState = snapshot.getScanBuilder().withReadSchema(schema).build().getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<Row> actions = new ArrayList<>();
    long rewritten = 0;
    int removed = 0;
    int added = 0;
    int done = 0;
    long now = System.currentTimeMillis();
    for (List<Row> files : partitions.values()) {
      List<@Nullable Object[]> kept = new ArrayList<>();
      for (Row scanFile : files) {
        readFile(
            scanState,
            physical,
            scanFile,
            cells -> {
              if (keep.test(cells)) {
                kept.add(values(cells));
              }
            });
        AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
        actions.add(
            SingleAction.createRemoveFileSingleAction(
                withoutStats(add).toRemoveFileRow(false, Optional.of(now))));
        removed++;
      }
      if (!kept.isEmpty()) {
        actions.addAll(write(state, kept));
        added++;
      }
      rewritten += kept.size();
      if (++done % 100 == 0) {
        LOG.info(
            "Compacting {}: {} of {} partitions rewritten",
            snapshot.getPath(),
            done,
            partitions.size());
      }
    }
    long version = commit(transaction, actions);
    return new Compaction(before, before - removed + added, rewritten, version, elapsed(started));
  }

  /**
   * The file without its statistics: a remove carrying them (a kilobyte or two of JSON) would be
   * kept in every checkpoint for the tombstone retention, and no reader prunes removed files.
   */
  private AddFile withoutStats(AddFile add) {
    return new AddFile(
        AddFile.createAddFileRow(
            schema,
            add.getPath(),
            add.getPartitionValues(),
            add.getSize(),
            add.getModificationTime(),
            add.getDataChange(),
            add.getDeletionVector(),
            add.getTags(),
            add.getBaseRowId(),
            add.getDefaultRowCommitVersion(),
            Optional.empty()));
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private Snapshot snapshot() {
    return table.getLatestSnapshot(engine);
  }

  private void readFile(Row scanState, StructType physical, Row scanFile, Consumer<Cells> each) {
    FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
    try (CloseableIterator<FilteredColumnarBatch> logical =
        Scan.transformPhysicalData(
            engine,
            scanState,
            scanFile,
            engine
                .getParquetHandler()
                .readParquetFiles(
                    Utils.singletonCloseableIterator(status), physical, Optional.empty())
                .map(FileReadResult::getData))) {
      while (logical.hasNext()) {
        try (CloseableIterator<Row> rows = logical.next().getRows()) {
          while (rows.hasNext()) {
            each.accept(new Cells(rows.next()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + status.getPath(), e);
    }
  }

  /** A row read back as the values it was written with. */
  private @Nullable Object[] values(Cells cells) {
    @Nullable Object[] row = new Object[schema.length()];
    for (int i = 0; i < schema.length(); i++) {
      StructField field = schema.at(i);
      String name = field.getName();
      DataType type = field.getDataType();
      row[i] =
          switch (type) {
            case StringType s -> cells.string(name);
            case TimestampType t -> cells.instant(name);
            case DateType d -> cells.date(name);
            case DoubleType d -> cells.doubleValue(name);
            case LongType l -> cells.isNull(name) ? null : cells.longValue(name);
            case IntegerType n -> cells.isNull(name) ? null : cells.intValue(name);
            case BooleanType b -> cells.isNull(name) ? null : cells.booleanValue(name);
            default -> throw new IllegalStateException("no Klaxon column has the type " + type);
          };
    }
    return row;
  }

  private Map<List<Object>, List<@Nullable Object[]>> byPartition(List<@Nullable Object[]> rows) {
    int[] columns = partitionColumns.stream().mapToInt(schema::indexOf).toArray();
    Map<List<Object>, List<@Nullable Object[]>> partitions = new LinkedHashMap<>();
    for (@Nullable Object[] row : rows) {
      List<Object> key = Arrays.stream(columns).mapToObj(i -> row[i]).toList();
      partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    return partitions;
  }

  /** How many data files this instance has written since it was opened. */
  long filesWritten() {
    return filesWritten;
  }

  /** Writes rows of one partition as a Parquet file and answers the actions that add it. */
  private List<Row> write(Row state, List<@Nullable Object[]> rows) {
    filesWritten++;
    Map<String, Literal> partitionValues = new LinkedHashMap<>();
    for (String column : partitionColumns) {
      partitionValues.put(
          column,
          literal(schema.get(column).getDataType(), rows.getFirst()[schema.indexOf(column)]));
    }
    CloseableIterator<FilteredColumnarBatch> data =
        Utils.singletonCloseableIterator(
            new FilteredColumnarBatch(VectorBatch.of(schema, rows), Optional.empty()));
    List<Row> actions = new ArrayList<>();
    try {
      CloseableIterator<FilteredColumnarBatch> physical =
          Transaction.transformLogicalData(engine, state, data, partitionValues);
      DataWriteContext context = Transaction.getWriteContext(engine, state, partitionValues);
      CloseableIterator<DataFileStatus> files =
          engine
              .getParquetHandler()
              .writeParquetFiles(
                  context.getTargetDirectory(), physical, context.getStatisticsColumns());
      try (CloseableIterator<Row> added =
          Transaction.generateAppendActions(engine, state, files, context)) {
        added.forEachRemaining(actions::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the Delta table", e);
    }
    return actions;
  }

  /** Applies the log retention rule; a failure only leaves more log behind. */
  private void cleanLog() {
    try {
      int deleted = retention.clean(directory, java.time.Instant.now());
      LOG.debug("Deleted {} old files of {}/_delta_log", deleted, directory);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not delete old files of {}/_delta_log; the table is intact", directory, e);
    }
  }

  private static Literal literal(DataType type, @Nullable Object value) {
    if (value == null) {
      return Literal.ofNull(type);
    }
    return switch (type) {
      case DateType d -> Literal.ofDate((int) ((LocalDate) value).toEpochDay());
      case StringType s -> Literal.ofString((String) value);
      case LongType l -> Literal.ofLong((Long) value);
      default -> throw new IllegalStateException("no Klaxon partition column has the type " + type);
    };
  }

  private long commit(Transaction transaction, List<Row> actions) {
    TransactionCommitResult result;
    try {
      result =
          transaction.commit(
              engine,
              CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())));
    } catch (MaxCommitRetryLimitReachedException lost) {
      // With no retries allowed, another writer took the version this commit was for.
      throw new ConcurrentWriteException(
          "another writer committed version " + (transaction.getReadTableVersion() + 1), lost);
    }
    // Checkpoints keep opening the table fast: without them every reader replays every commit.
    boolean checkpointed = false;
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      try {
        hook.threadSafeInvoke(engine);
        checkpointed |= hook.getType() == PostCommitHook.PostCommitHookType.CHECKPOINT;
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "Delta post-commit step {} failed; the table is intact, only slower to open",
            hook.getType(),
            e);
      }
    }
    if (checkpointed) {
      cleanLog();
    }
    return result.getVersion();
  }
}
