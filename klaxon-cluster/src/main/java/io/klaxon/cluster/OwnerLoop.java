package io.klaxon.cluster;

import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.CommandResult;
import io.klaxon.store.jdbc.cluster.Fenced;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of the command topic, one thread: a member of the owners' group. On assignment it
 * takes each partition over (a new epoch in PostgreSQL, the active alerts loaded, the offset stored
 * there); it applies each poll's records per partition in one fenced commit with their offset, then
 * answers the requests they carry. On revocation it drops the partitions. Kafka's own offsets are
 * never committed: PostgreSQL's are the truth.
 */
final class OwnerLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(OwnerLoop.class);
  static final String REQUEST = "klaxon-request";
  static final String ORIGIN = "klaxon-origin";

  /**
   * Most commands applied in one commit (the engine's default batch): the rest of a large poll is
   * read again after it, so a poll never overflows the partition engine's queue.
   */
  static final int MAX_COMMANDS = 20_000;

  /** Sends an owner's answer for one partition of a request to the instance that made it. */
  interface Replies {
    void send(String origin, String request, int partition, List<CommandResult> results);
  }

  private final Consumer<String, byte[]> consumer;
  private final ClusterSettings settings;
  private final PartitionOwner owner;
  private final JdbcPartitionLedger ledger;
  private final Replies replies;

  /** Assigned partitions not taken over yet (the database was away): paused until they are. */
  private final Set<Integer> untaken = new HashSet<>();

  /** When to try the untaken ones again: a database that is away is asked once a second. */
  private long retryAt = System.nanoTime();

  private volatile boolean running = true;
  private volatile int generation = -1;
  private volatile Set<Integer> owned = Set.of();

  OwnerLoop(
      Consumer<String, byte[]> consumer,
      ClusterSettings settings,
      PartitionOwner owner,
      JdbcPartitionLedger ledger,
      Replies replies) {
    this.consumer = consumer;
    this.settings = settings;
    this.owner = owner;
    this.ledger = ledger;
    this.replies = replies;
  }

  /** Whether this instance is a member of the owners' group now. */
  boolean isMember() {
    return running && generation > 0;
  }

  /** The partitions this instance owns and applies now. */
  Set<Integer> owned() {
    return owned;
  }

  /** Whether the loop has not stopped (it may not have joined the group yet). */
  boolean isRunning() {
    return running;
  }

  void stop() {
    running = false;
    consumer.wakeup();
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(settings.topic()), new Rebalance());
      while (running) {
        ConsumerRecords<String, byte[]> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (WakeupException e) {
          continue;
        }
        generation = consumer.groupMetadata().generationId();
        takeUntaken();
        apply(records);
        owned = owner.owned();
      }
    } catch (RuntimeException | Error e) {
      running = false;
      log.error("The cluster's owner loop stopped: this instance owns no partition any more", e);
    } finally {
      generation = -1;
      owned = Set.of();
      owner.close();
      consumer.close();
    }
  }

  private void apply(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, Batch> batches = new LinkedHashMap<>();
    for (TopicPartition tp : records.partitions()) {
      if (!owner.owned().contains(tp.partition())) {
        continue; // not taken over yet: it is paused and read again from its stored offset
      }
      Batch batch = Batch.of(records.records(tp), MAX_COMMANDS);
      batches.put(tp, batch);
      batch.applied = owner.apply(tp.partition(), batch.commands, batch.nextOffset);
    }
    for (Map.Entry<TopicPartition, Batch> entry : batches.entrySet()) {
      TopicPartition tp = entry.getKey();
      Batch batch = entry.getValue();
      try {
        answer(tp.partition(), batch, batch.applied.join());
        if (batch.rest) {
          consumer.seek(tp, batch.nextOffset); // the records not applied yet come again
        }
      } catch (CompletionException e) {
        recover(tp, e.getCause());
      }
    }
  }

  /**
   * A commit failed: fenced, the partition is someone else's; else retry from the stored offset.
   */
  private void recover(TopicPartition tp, @Nullable Throwable cause) {
    int partition = tp.partition();
    owner.drop(partition);
    if (fenced(cause)) {
      log.warn("Partition {} was taken over by another instance: dropped here", partition);
      consumer.pause(List.of(tp));
      return;
    }
    log.warn("Partition {}: commit failed, retrying from its stored offset: {}", partition, cause);
    untaken.add(partition);
    consumer.pause(List.of(tp));
  }

  /** Takes over assigned partitions that could not be taken before (the database was away). */
  private void takeUntaken() {
    if (untaken.isEmpty() || System.nanoTime() - retryAt < 0) {
      return;
    }
    retryAt = System.nanoTime() + 1_000_000_000L;
    for (Integer partition : List.copyOf(untaken)) {
      TopicPartition tp = new TopicPartition(settings.topic(), partition);
      if (!consumer.assignment().contains(tp)) {
        untaken.remove(partition);
        continue;
      }
      if (take(tp)) {
        untaken.remove(partition);
        consumer.resume(List.of(tp));
      }
    }
  }

  private boolean take(TopicPartition tp) {
    try {
      JdbcPartitionLedger.Claim claim = ledger.claim(tp.partition(), settings.nodeName());
      owner.take(tp.partition(), claim.epoch());
      consumer.seek(tp, claim.nextOffset());
      log.info(
          "Took partition {} over at epoch {}, from offset {}",
          tp.partition(),
          claim.epoch(),
          claim.nextOffset());
      return true;
    } catch (RuntimeException e) {
      log.warn("Could not take partition {} over yet: {}", tp.partition(), e.toString());
      return false;
    }
  }

  private void answer(int partition, Batch batch, List<CommandResult> results) {
    int from = 0;
    for (Batch.Request request : batch.requests) {
      if (request.id() != null && request.origin() != null) {
        List<CommandResult> mine = results.subList(from, from + request.size());
        try {
          replies.send(request.origin(), request.id(), partition, List.copyOf(mine));
        } catch (RuntimeException e) {
          log.debug("Could not answer request {}: {}", request.id(), e.toString());
        }
      }
      from += request.size();
    }
  }

  private static boolean fenced(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof Fenced) {
        return true;
      }
    }
    return false;
  }

  /** The commands of one partition's records in one poll, and who asked for them. */
  private static final class Batch {
    record Request(@Nullable String id, @Nullable String origin, int size) {}

    final List<AlertCommand> commands = new ArrayList<>();
    final List<Request> requests = new ArrayList<>();
    long nextOffset;

    /** Whether records after {@code nextOffset} were left for the next poll. */
    boolean rest;

    CompletableFuture<List<CommandResult>> applied = CompletableFuture.completedFuture(List.of());

    static Batch of(List<ConsumerRecord<String, byte[]>> records, int maxCommands) {
      Batch batch = new Batch();
      for (ConsumerRecord<String, byte[]> record : records) {
        if (batch.commands.size() >= maxCommands) {
          batch.rest = true;
          break;
        }
        batch.nextOffset = record.offset() + 1;
        List<AlertCommand> decoded;
        try {
          decoded = CommandCodec.decode(record.value());
        } catch (RuntimeException e) {
          // A record no version of this reader understands cannot be applied by waiting: it is
          // skipped (and logged) rather than stopping its partition for good.
          log.error(
              "Skipped record {} of partition {}: {}",
              record.offset(),
              record.partition(),
              e.toString());
          continue;
        }
        batch.commands.addAll(decoded);
        batch.requests.add(
            new Request(header(record, REQUEST), header(record, ORIGIN), decoded.size()));
      }
      return batch;
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
      Header header = record.headers().lastHeader(name);
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  }

  /** Takes partitions over as Kafka assigns them and drops them as it takes them away. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        if (!take(tp)) {
          untaken.add(tp.partition());
          consumer.pause(List.of(tp));
        }
      }
      owned = owner.owned();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      drop(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      drop(partitions);
    }

    private void drop(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        owner.drop(tp.partition());
        untaken.remove(tp.partition());
        log.info("Dropped partition {}", tp.partition());
      }
      owned = owner.owned();
    }
  }
}
