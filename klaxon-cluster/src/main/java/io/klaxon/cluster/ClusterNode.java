package io.klaxon.cluster;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.CommandRoute;
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One instance of a Klaxon cluster: it produces every command to the command topic (keyed by
 * partition key, idempotent, {@code acks=all}), owns the partitions Kafka assigns it (one engine
 * each, fenced in PostgreSQL), and hears the owners' answers to its requests.
 */
public final class ClusterNode implements CommandRoute, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  /** How long an action by id waits for its owner at most before the caller hears 503. */
  private static final Duration ACTION_WAIT = Duration.ofSeconds(15);

  private final ClusterSettings settings;
  private final JdbcAlertStore store;
  private final Partitioning partitioning;
  private final Admin admin;
  private final DefaultKafkaProducerFactory<String, byte[]> producers;
  private final KafkaTemplate<String, byte[]> kafka;
  private final Answers answers = new Answers();
  private final EnginePerPartition engines;
  private final OwnerLoop owners;
  private final ReplyLoop replies;
  private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();

  private ClusterNode(
      ClusterSettings settings,
      JdbcAlertStore store,
      JdbcPartitionLedger ledger,
      InstantSource clock,
      EngineSettings engineSettings,
      EngineMetrics metrics) {
    this.settings = settings;
    this.store = store;
    this.partitioning = store.partitioning();
    this.admin = Admin.create(settings.kafka());
    this.producers = new DefaultKafkaProducerFactory<>(producerSettings(settings));
    this.kafka = new KafkaTemplate<>(producers);
    this.engines =
        new EnginePerPartition(
            store, ledger, partitioning, clock, engineSettings, metrics, this::committed);
    DefaultKafkaConsumerFactory<String, byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(
            ownerSettings(settings), new StringDeserializer(), new ByteArrayDeserializer());
    this.owners = new OwnerLoop(consumers.createConsumer(), settings, engines, ledger, this::reply);
    DefaultKafkaConsumerFactory<String, byte[]> replyConsumers =
        new DefaultKafkaConsumerFactory<>(
            replySettings(settings), new StringDeserializer(), new ByteArrayDeserializer());
    this.replies =
        new ReplyLoop(replyConsumers.createConsumer(), settings, answers, store::findByIds);
  }

  /**
   * Joins the cluster: creates or checks the topics, then starts owning partitions and hearing
   * answers in threads of its own.
   *
   * @throws IllegalStateException when Kafka cannot be reached or its topic does not fit
   */
  public static ClusterNode start(
      ClusterSettings settings,
      JdbcAlertStore store,
      JdbcPartitionLedger ledger,
      InstantSource clock,
      EngineSettings engineSettings,
      EngineMetrics metrics) {
    if (ledger.partitions() != settings.partitions()
        || store.partitioning().count() != settings.partitions()) {
      throw new IllegalStateException(
          "the database records "
              + store.partitioning().count()
              + " partitions ("
              + ledger.partitions()
              + " in cluster_partitions), the cluster is configured with "
              + settings.partitions());
    }
    ClusterNode node = new ClusterNode(settings, store, ledger, clock, engineSettings, metrics);
    try {
      CommandTopic.ensure(node.admin, settings);
    } catch (RuntimeException e) {
      node.admin.close();
      node.producers.destroy();
      throw e;
    }
    Thread.ofPlatform().name("klaxon-cluster-replies").daemon(true).start(node.replies);
    Thread.ofPlatform().name("klaxon-cluster-owner").daemon(true).start(node.owners);
    log.info(
        "Cluster node {} joining: topic {} with {} partitions",
        settings.nodeName(),
        settings.topic(),
        settings.partitions());
    return node;
  }

  public String nodeName() {
    return settings.nodeName();
  }

  public int partitions() {
    return settings.partitions();
  }

  /** Whether this instance is a member of the owners' group. */
  public boolean isMember() {
    return owners.isMember();
  }

  /** The partitions this instance owns now. */
  public Set<Integer> owned() {
    return owners.owned();
  }

  /** The group's members and their partitions, as Kafka has them now. */
  public Membership membership() {
    return Membership.of(admin, settings);
  }

  /**
   * Produces commands to the command topic and waits for their owners' answers.
   *
   * @return the results, in order, once every owner answered. A request of triggers (and changes by
   *     fingerprint) not answered within {@code answerWait} completes with outcome {@code accepted}
   *     for each: it is in Kafka and will be applied. Fails with {@link Unavailable} when Kafka did
   *     not take the commands, or an action by id was not answered in time
   */
  @Override
  public CompletableFuture<List<CommandResult>> submit(List<? extends AlertCommand> commands) {
    return submit(commands, true);
  }

  /**
   * As {@link #submit}, for a caller that needs only the outcomes: the results of partitions other
   * instances own come without their alert, which is then not read back from PostgreSQL.
   */
  @Override
  public CompletableFuture<List<CommandResult>> submitForOutcomes(
      List<? extends AlertCommand> commands) {
    return submit(commands, false);
  }

  private CompletableFuture<List<CommandResult>> submit(
      List<? extends AlertCommand> commands, boolean withAlerts) {
    if (commands.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    if (commands.stream().anyMatch(AlertCommand.Purge.class::isInstance)) {
      return inStages(commands);
    }
    String request = UUID.randomUUID().toString();
    Map<Integer, List<Integer>> positions = new TreeMap<>();
    Map<Integer, List<AlertCommand>> byPartition = new TreeMap<>();
    Map<Integer, CommandResult> given = new HashMap<>();
    boolean byFingerprint = true;
    for (int i = 0; i < commands.size(); i++) {
      AlertCommand command = commands.get(i);
      byFingerprint &= byFingerprint(command);
      OptionalInt partition = partitionOf(command);
      if (partition.isEmpty()) {
        given.put(
            i, new CommandResult(Outcome.REFUSED, null, new NotFound("alert", idOf(command))));
        continue;
      }
      positions.computeIfAbsent(partition.getAsInt(), p -> new ArrayList<>()).add(i);
      byPartition.computeIfAbsent(partition.getAsInt(), p -> new ArrayList<>()).add(command);
    }
    CompletableFuture<List<CommandResult>> answered =
        answers.expect(request, commands.size(), given, positions, withAlerts);
    List<CompletableFuture<?>> sends = new ArrayList<>();
    byPartition.forEach((partition, mine) -> sends.add(send(request, partition, mine)));
    List<CommandResult> accepted = accepted(commands);
    boolean acceptable = byFingerprint;
    return inKafka(sends, answered)
        .thenCompose(
            ok ->
                acceptable
                    ? answered.completeOnTimeout(
                        accepted,
                        settings.answerWait().toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS)
                    : ownersAnswer(answered));
  }

  /**
   * Commands with purges among them, in order: each run of other commands as one request, each
   * purge on its own once what came before it is answered.
   */
  private CompletableFuture<List<CommandResult>> inStages(List<? extends AlertCommand> commands) {
    CompletableFuture<List<CommandResult>> done = CompletableFuture.completedFuture(List.of());
    List<AlertCommand> run = new ArrayList<>();
    for (AlertCommand command : commands) {
      if (command instanceof AlertCommand.Purge purge) {
        List<AlertCommand> before = List.copyOf(run);
        run.clear();
        done = done.thenCompose(earlier -> then(earlier, submit(before)));
        done = done.thenCompose(earlier -> then(earlier, purgeEverywhere(purge)));
      } else {
        run.add(command);
      }
    }
    List<AlertCommand> rest = List.copyOf(run);
    return done.thenCompose(earlier -> then(earlier, submit(rest)));
  }

  private static CompletableFuture<List<CommandResult>> then(
      List<CommandResult> earlier, CompletableFuture<List<CommandResult>> later) {
    return later.thenApply(
        results -> {
          List<CommandResult> all = new ArrayList<>(earlier);
          all.addAll(results);
          return all;
        });
  }

  /**
   * A purge of a subject goes to every partition: the subject's alerts are in its own partition,
   * but those with a free {@code dedupKey} may be in any, and each owner must drop them from its
   * memory. Answered once every owner has: the first refusal, else purged.
   */
  private CompletableFuture<List<CommandResult>> purgeEverywhere(AlertCommand.Purge purge) {
    String request = UUID.randomUUID().toString();
    Map<Integer, List<Integer>> positions = new TreeMap<>();
    for (int partition = 0; partition < settings.partitions(); partition++) {
      positions.put(partition, List.of(partition));
    }
    CompletableFuture<List<CommandResult>> answered =
        answers.expect(request, settings.partitions(), Map.of(), positions, true);
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (int partition = 0; partition < settings.partitions(); partition++) {
      sends.add(send(request, partition, List.of(purge)));
    }
    return inKafka(sends, answered)
        .thenCompose(ok -> ownersAnswer(answered))
        .thenApply(
            all ->
                List.of(
                    all.stream()
                        .filter(result -> result.refusal() != null)
                        .findFirst()
                        .orElse(all.getFirst())));
  }

  /** Completes once Kafka has every record, or fails with {@link Unavailable} (and the wait). */
  private static CompletableFuture<Boolean> inKafka(
      List<CompletableFuture<?>> sends, CompletableFuture<List<CommandResult>> answered) {
    return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
        .handle(
            (ok, failure) -> {
              if (failure != null) {
                Unavailable unavailable =
                    new Unavailable(
                        "Kafka did not take the commands; retry shortly: " + rootMessage(failure),
                        failure);
                answered.completeExceptionally(unavailable);
                throw unavailable;
              }
              return Boolean.TRUE;
            });
  }

  /** The owners' answers, or {@link Unavailable} when they do not come within the action wait. */
  private static CompletableFuture<List<CommandResult>> ownersAnswer(
      CompletableFuture<List<CommandResult>> answered) {
    return answered
        .orTimeout(ACTION_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .exceptionallyCompose(
            failure ->
                CompletableFuture.failedFuture(
                    failure instanceof TimeoutException
                        ? new Unavailable(
                            "the owner of the alert's partition did not answer in"
                                + " time; the action is in Kafka and will be"
                                + " applied")
                        : failure));
  }

  /**
   * Expires the active alerts whose deadline passed in the partitions this instance owns, read from
   * their engines' memory: every instance runs the job for its own partitions. The commands go
   * through the topic like any other, so a partition that moved meanwhile is expired by its new
   * owner (an alert expired twice is refused the second time).
   */
  @Override
  public int expireDue(Instant now, Actor actor) {
    List<AlertCommand> expiries =
        activeAlerts().stream()
            .filter(alert -> alert.expiresAt() != null && !alert.expiresAt().isAfter(now))
            .limit(10_000)
            .<AlertCommand>map(
                alert ->
                    new AlertCommand.Change(
                        AlertRef.id(alert.id()), Transition.EXPIRE, actor, null, true))
            .toList();
    return (int)
        submit(expiries).join().stream().filter(r -> r.outcome() == Outcome.EXPIRED).count();
  }

  /** Whether this instance still takes part: its owner loop runs. */
  @Override
  public boolean isWorking() {
    return owners.isRunning();
  }

  /** Called after each commit of an owned partition, with the alerts it changed. */
  @Override
  public void onCommitted(Consumer<List<Alert>> listener) {
    listeners.add(listener);
  }

  /**
   * The active alert of a fingerprint: from the engine's memory where this instance owns its
   * partition, else as its owner last committed it to PostgreSQL. Callers decide from it
   * (Alertmanager resolves, the hosts' check), so a non-owner must not take "not mine" for "none".
   * While the database is away it is taken for none, as before this read existed: triggers still go
   * to Kafka.
   */
  @Override
  public Optional<Alert> active(String fingerprint) {
    AlertEngine owner = engines.engineOf(fingerprint);
    if (owner != null) {
      return owner.active(fingerprint);
    }
    try {
      return store.findActive(fingerprint);
    } catch (Unavailable databaseAway) {
      return Optional.empty();
    }
  }

  /**
   * The active alerts of the partitions owned here, from their engines' memory: what the jobs that
   * run in each partition's owner (expiry, resolve timeouts, the suppression sweep) look at.
   */
  @Override
  public List<Alert> activeAlerts() {
    List<Alert> all = new ArrayList<>();
    for (AlertEngine engine : engines.engines()) {
      all.addAll(engine.activeAlerts());
    }
    return all;
  }

  /** Active alerts in the partitions owned here. */
  @Override
  public int activeCount() {
    return engines.activeCount();
  }

  /** Leaves the group (its partitions go to the other members at once), then stops. */
  @Override
  public void close() {
    owners.stop();
    replies.stop();
    producers.destroy();
    admin.close(Duration.ofSeconds(5));
  }

  private CompletableFuture<?> send(String request, int partition, List<AlertCommand> commands) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            settings.topic(), partition, keyOf(commands.getFirst()), CommandCodec.encode(commands));
    record.headers().add(OwnerLoop.REQUEST, request.getBytes(StandardCharsets.UTF_8));
    record.headers().add(OwnerLoop.ORIGIN, settings.nodeName().getBytes(StandardCharsets.UTF_8));
    try {
      return kafka.send(record);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void reply(String origin, String request, int partition, List<CommandResult> results) {
    if (origin.equals(settings.nodeName())) {
      answers.answer(request, partition, results);
    } else {
      // A reply lost on the way leaves its asker to time out, as when the owner died: nothing to
      // do.
      var unused =
          kafka.send(
              settings.replyTopic(), origin, ResultCodec.encode(request, partition, results));
    }
  }

  private void committed(List<Alert> alerts) {
    for (Consumer<List<Alert>> listener : listeners) {
      try {
        listener.accept(alerts);
      } catch (RuntimeException e) {
        log.warn("A commit listener failed; the commit stands", e);
      }
    }
  }

  private OptionalInt partitionOf(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Trigger t -> OptionalInt.of(partitioning.of(t.fingerprint()));
      case AlertCommand.Change c -> partitionOf(c.target());
      case AlertCommand.Note n -> partitionOf(n.target());
      case AlertCommand.Suppress s -> partitionOf(AlertRef.id(s.alertId()));
      case AlertCommand.Delete d -> partitionOf(AlertRef.id(d.alertId()));
      // Sent to every partition by purgeEverywhere; its own partition, were it asked.
      case AlertCommand.Purge p ->
          OptionalInt.of(partitioning.ofSubject(p.subjectType(), p.subjectKey()));
    };
  }

  /** An alert's partition follows from its fingerprint; by id, the stored alert tells it. */
  private OptionalInt partitionOf(AlertRef ref) {
    return switch (ref) {
      case AlertRef.ByFingerprint f -> OptionalInt.of(partitioning.of(f.fingerprint()));
      case AlertRef.ById id ->
          store
              .findById(id.id())
              .map(alert -> OptionalInt.of(partitioning.of(alert.fingerprint())))
              .orElse(OptionalInt.empty());
    };
  }

  private String keyOf(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Trigger t -> Partitioning.key(t.fingerprint());
      default -> command.getClass().getSimpleName();
    };
  }

  private static boolean byFingerprint(AlertCommand command) {
    return command instanceof AlertCommand.Trigger
        || (command instanceof AlertCommand.Change c
            && c.target() instanceof AlertRef.ByFingerprint);
  }

  private static Object idOf(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Change c when c.target() instanceof AlertRef.ById id -> id.id();
      case AlertCommand.Note n when n.target() instanceof AlertRef.ById id -> id.id();
      case AlertCommand.Suppress s -> s.alertId();
      case AlertCommand.Delete d -> d.alertId();
      default -> "?";
    };
  }

  private static List<CommandResult> accepted(List<? extends AlertCommand> commands) {
    List<CommandResult> accepted = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      accepted.add(new CommandResult(Outcome.ACCEPTED, null, null));
    }
    return accepted;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }

  private static Map<String, Object> producerSettings(ClusterSettings settings) {
    Map<String, Object> producer = new HashMap<>(settings.producer());
    // Commands are sent one by one, never in a Kafka transaction.
    producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Durable before answered: every in-sync replica has it; retries never duplicate or reorder.
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, settings.nodeName() + "-commands");
    // A Kafka that is away answers 503 within seconds, not after the client's two minutes.
    producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
    return producer;
  }

  private static Map<String, Object> ownerSettings(ClusterSettings settings) {
    Map<String, Object> consumer = new HashMap<>(settings.consumer());
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
    consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.nodeName());
    // Offsets live in PostgreSQL with the changes; Kafka's are never committed.
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    // A member that died (kill -9) is noticed after 6 s without a heartbeat (the broker's
    // smallest allowed, group.min.session.timeout.ms); the others hear of the rebalance at their
    // next heartbeat, within 1 s, so its partitions move well within 15 s. Heartbeats come from
    // the consumer's own thread: a busy owner loop or a GC pause of a few seconds is no death.
    consumer.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
    consumer.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    return consumer;
  }

  private static Map<String, Object> replySettings(ClusterSettings settings) {
    Map<String, Object> consumer = new HashMap<>(settings.consumer());
    consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.nodeName() + "-replies");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return consumer;
  }
}
