package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Fingerprint;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ForwardingAlertStore;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine of several partitions behaves as one: same answers, in order, ids unique. */
class AlertEnginePartitionsTest {

  private static final Partitioning EIGHT = new Partitioning(8);
  private static final Subject NAS = Subject.of("server", "nas-01", "NAS 01");

  private final InMemoryAlertStore store = new InMemoryAlertStore(EIGHT);
  private final FakeClock clock = new FakeClock();
  private final AlertEngine engine = AlertEngine.start(store, clock);

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void commandsOfOneSubmission_goToTheirPartitions_andAreAnsweredInOrder() {
    List<String> fingerprints =
        IntStream.range(0, 40).mapToObj(i -> fingerprintAbout("srv-" + i)).toList();

    List<CommandResult> results =
        engine.apply(fingerprints.stream().map(Commands::trigger).toList());

    assertThat(results).extracting(r -> r.alert().fingerprint()).isEqualTo(fingerprints);
    assertThat(results).extracting(CommandResult::outcome).containsOnly(Outcome.CREATED);
    assertThat(results).extracting(r -> r.alert().id()).doesNotHaveDuplicates();
    Set<Integer> partitions = new HashSet<>();
    fingerprints.forEach(fp -> partitions.add(EIGHT.of(fp)));
    assertThat(partitions).as("the subjects spread over partitions").hasSizeGreaterThan(4);
    assertThat(store.commits()).as("one commit per partition").hasSize(partitions.size());
    for (String fingerprint : fingerprints) {
      assertThat(engine.active(fingerprint)).isPresent();
    }
    assertThat(engine.activeCount()).isEqualTo(40);
    assertThat(engine.partitioning()).isEqualTo(EIGHT);
  }

  @Test
  void forEachActive_visitsEveryActiveAlertOfEveryPartition_asActiveAlertsListsThem() {
    List<String> fingerprints =
        IntStream.range(0, 40).mapToObj(i -> fingerprintAbout("srv-" + i)).toList();
    engine.apply(fingerprints.stream().map(Commands::trigger).toList());
    engine.apply(trigger(fingerprints.get(0)));
    long resolved = engine.active(fingerprints.get(1)).orElseThrow().id();
    engine.apply(change(resolved, Transition.RESOLVE));

    List<Alert> visited = new ArrayList<>();
    engine.forEachActive(visited::add);

    assertThat(visited).hasSize(39).containsExactlyInAnyOrderElementsOf(engine.activeAlerts());
    assertThat(visited).extracting(Alert::id).doesNotContain(resolved);
    assertThat(visited)
        .filteredOn(alert -> alert.fingerprint().equals(fingerprints.get(0)))
        .extracting(Alert::occurrences)
        .containsExactly(2L);
  }

  @Test
  void aReTriggerInTheSameSubmission_findsTheAlertOpenedBeforeIt() {
    String fingerprint = fingerprintAbout("nas-01");

    List<CommandResult> results =
        engine.apply(List.of(trigger(fingerprint), trigger("other"), trigger(fingerprint)));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(results.get(2).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(results.get(2).alert().id()).isEqualTo(results.get(0).alert().id());
    assertThat(results.get(2).alert().occurrences()).isEqualTo(2);
  }

  @Test
  void commandsById_reachTheAlertsPartition_activeOrFinal() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      ids.add(engine.apply(trigger(fingerprintAbout("srv-" + i))).alert().id());
    }

    List<CommandResult> acknowledged =
        engine.apply(ids.stream().map(id -> change(id, Transition.ACKNOWLEDGE)).toList());
    List<CommandResult> resolved =
        engine.apply(ids.stream().map(id -> change(id, Transition.RESOLVE)).toList());
    List<CommandResult> noted =
        engine.apply(
            ids.stream().map(id -> Commands.note(AlertRef.id(id), "looked at it")).toList());

    assertThat(acknowledged).extracting(CommandResult::outcome).containsOnly(Outcome.ACKNOWLEDGED);
    assertThat(resolved).extracting(CommandResult::outcome).containsOnly(Outcome.RESOLVED);
    assertThat(noted).extracting(CommandResult::outcome).containsOnly(Outcome.NOTED);
    assertThat(noted).extracting(r -> r.alert().id()).isEqualTo(ids);
    assertThat(engine.activeCount()).isZero();
    for (long id : ids) {
      assertThat(store.findById(id))
          .get()
          .extracting(Alert::status)
          .isEqualTo(AlertStatus.RESOLVED);
    }
  }

  @Test
  void anUnknownId_isNotFound_asWithOnePartition() {
    CommandResult result = engine.apply(List.of(change(999, Transition.ACKNOWLEDGE))).getFirst();

    assertThat(result.refusal()).isInstanceOf(io.klaxon.problem.NotFound.class);
  }

  @Test
  void purge_takesTheSubjectsAlertsInEveryPartition_andWhatFollowsItSurvives() {
    String derived = fingerprintAbout("nas-01");
    String elsewhere = keyInAnotherPartitionThan(EIGHT.of(derived));
    long first = engine.apply(trigger(derived, Severity.HIGH, null, NAS, null)).alert().id();
    long second = engine.apply(trigger(elsewhere, Severity.HIGH, null, NAS, null)).alert().id();

    List<CommandResult> results =
        engine.apply(
            List.of(
                new AlertCommand.Purge("server", "nas-01", Actor.of("alice")),
                trigger(derived, Severity.LOW, null, NAS, null),
                trigger(elsewhere, Severity.LOW, null, NAS, null)));

    assertThat(results)
        .extracting(CommandResult::outcome)
        .containsExactly(Outcome.PURGED, Outcome.CREATED, Outcome.CREATED);
    assertThat(store.findById(first)).isEmpty();
    assertThat(store.findById(second)).isEmpty();
    for (CommandResult created : results.subList(1, 3)) {
      long id = created.alert().id();
      assertThat(store.findById(id)).as("alert %d after the purge", id).isPresent();
      assertThat(engine.active(created.alert().fingerprint()))
          .get()
          .extracting(Alert::id)
          .isEqualTo(id);
    }
    assertThat(engine.activeCount()).isEqualTo(2);
  }

  @Test
  void expireDue_expiresTheDueAlertsOfEveryPartition() {
    Instant kickOff = clock.instant().plus(Duration.ofMinutes(5));
    for (int i = 0; i < 12; i++) {
      engine.apply(expiring(fingerprintAbout("match-" + i), kickOff));
    }
    engine.apply(expiring(fingerprintAbout("later"), kickOff.plus(Duration.ofHours(1))));

    int expired = engine.expireDue(kickOff, Actor.of("klaxon"));

    assertThat(expired).isEqualTo(12);
    assertThat(engine.activeCount()).isEqualTo(1);
  }

  @Test
  void aRestartedEngine_loadsEachPartitionsActiveAlerts() {
    List<String> fingerprints =
        IntStream.range(0, 20).mapToObj(i -> fingerprintAbout("srv-" + i)).toList();
    engine.apply(fingerprints.stream().map(Commands::trigger).toList());
    long lastId = store.maxAlertId();

    try (AlertEngine restarted = AlertEngine.start(store, clock)) {
      assertThat(restarted.activeCount()).isEqualTo(20);
      for (String fingerprint : fingerprints) {
        assertThat(restarted.active(fingerprint)).isPresent();
      }
      assertThat(restarted.apply(trigger("new")).alert().id()).isEqualTo(lastId + 1);
    }
  }

  @Test
  void aPartitionWhoseCommitIsHeld_holdsUpNoOtherPartition() throws Exception {
    String held = fingerprintAbout("slow-01");
    String other = fingerprintAbout(serverInAnotherPartitionThan(EIGHT.of(held)));
    CountDownLatch release = new CountDownLatch(1);
    AlertStore holding = new HoldingStore(store, held, release);
    try (AlertEngine partitioned = AlertEngine.start(holding, clock)) {
      CompletableFuture<List<CommandResult>> waiting = partitioned.submit(List.of(trigger(held)));

      CommandResult meanwhile = partitioned.apply(trigger(other));

      assertThat(meanwhile.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(waiting).isNotDone();
      release.countDown();
      assertThat(waiting.get(30, TimeUnit.SECONDS).getFirst().outcome()).isEqualTo(Outcome.CREATED);
    } finally {
      release.countDown();
    }
  }

  private static String serverInAnotherPartitionThan(int partition) {
    for (int i = 0; ; i++) {
      if (EIGHT.of(fingerprintAbout("srv-" + i)) != partition) {
        return "srv-" + i;
      }
    }
  }

  /** The store, but a commit that creates an alert with one fingerprint waits for a latch. */
  private static final class HoldingStore extends ForwardingAlertStore {
    private final String fingerprint;
    private final CountDownLatch release;

    HoldingStore(AlertStore store, String fingerprint, CountDownLatch release) {
      super(store);
      this.fingerprint = fingerprint;
      this.release = release;
    }

    @Override
    public void commit(ChangeSet changes) {
      if (changes.created().stream().anyMatch(a -> a.fingerprint().equals(fingerprint))) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      delegate.commit(changes);
    }
  }

  private static String fingerprintAbout(String server) {
    return Fingerprint.of(null, "hosts", Subject.of("server", server, null), "disk");
  }

  private static String keyInAnotherPartitionThan(int partition) {
    for (int i = 0; ; i++) {
      if (EIGHT.of("key-" + i) != partition) {
        return "key-" + i;
      }
    }
  }

  private static AlertCommand.Trigger expiring(String fingerprint, Instant expiresAt) {
    return new AlertCommand.Trigger(
        fingerprint,
        "odds",
        "price_change",
        Severity.HIGH,
        "Price moved",
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        expiresAt,
        Actor.of("odds"));
  }
}
