package io.klaxon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.TransitionRefused;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances in one JVM on one embedded KRaft broker and one PostgreSQL schema: ingest through
 * either, partitions spread between them, one stops and the other owns everything, and no trigger
 * is lost or counted twice, no fingerprint has two active alerts.
 */
class ClusterTakeoverTest {

  private static final int PARTITIONS = 4;
  private static final int FINGERPRINTS = 24;

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.migrated(PARTITIONS);

  @Test
  void aStoppedInstancesPartitionsAreOwnedAgainAndNoTriggerIsLostOrCountedTwice() throws Exception {
    ClusterNode first = node("first");
    ClusterNode second = node("second");
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> first.isMember() && second.isMember() && ownedByExactlyOne(first, second));
      assertThat(first.owned()).isNotEmpty();
      assertThat(second.owned()).isNotEmpty();

      List<CompletableFuture<List<CommandResult>>> sent = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        ClusterNode through = round % 2 == 0 ? first : second;
        sent.add(through.submit(triggers()));
      }
      for (CompletableFuture<List<CommandResult>> answer : sent) {
        assertThat(answer.join()).allSatisfy(r -> assertThat(r.isRefused()).isFalse());
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> occurrences() == 5L * FINGERPRINTS);
      assertThat(activeAlerts()).isEqualTo(FINGERPRINTS);

      // An acknowledge sent through the instance that does not own the alert's partition is
      // answered by the owner exactly as one instance would: then a refused transition.
      Alert owned = alertOwnedBy(second, first);
      CommandResult acknowledged = acknowledge(first, owned.id());
      assertThat(acknowledged.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
      assertThat(acknowledged.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
      first.submit(List.of(Change.of(owned.id(), Transition.RESOLVE))).join();
      CommandResult refused = acknowledge(first, owned.id());
      assertThat(refused.refusal()).isInstanceOf(TransitionRefused.class);
      CommandResult unknown = acknowledge(first, 987_654_321L);
      assertThat(unknown.isRefused()).isTrue();

      second.close();
      await().atMost(Duration.ofSeconds(60)).until(() -> first.owned().equals(allPartitions()));
      for (CommandResult result : first.submit(triggers()).join()) {
        assertThat(result.isRefused()).isFalse();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> occurrences() == 6L * FINGERPRINTS);
      // the resolved one was opened again by the last round: still one active per fingerprint
      assertThat(activeAlerts()).isEqualTo(FINGERPRINTS);
      assertThat(duplicateActiveFingerprints()).isZero();
    } finally {
      first.close();
      second.close();
    }
  }

  private static ClusterNode node(String name) {
    return backends.node(name, "klaxon.commands", Duration.ofSeconds(10));
  }

  private static List<AlertCommand> triggers() {
    return IntStream.range(0, FINGERPRINTS)
        .<AlertCommand>mapToObj(
            i -> AlertCommand.Trigger.of("fp-" + i, "test", "disk", Severity.HIGH, "disk " + i))
        .toList();
  }

  private static CommandResult acknowledge(ClusterNode through, long id) {
    return through.submit(List.of(Change.of(id, Transition.ACKNOWLEDGE))).join().getFirst();
  }

  private static Alert alertOwnedBy(ClusterNode owner, ClusterNode other) {
    Partitioning partitioning = new Partitioning(PARTITIONS);
    for (int i = 0; i < FINGERPRINTS; i++) {
      int partition = partitioning.of("fp-" + i);
      if (owner.owned().contains(partition) && !other.owned().contains(partition)) {
        return owner.active("fp-" + i).orElseThrow();
      }
    }
    throw new AssertionError("no fingerprint in a partition of " + owner.nodeName());
  }

  private static boolean ownedByExactlyOne(ClusterNode a, ClusterNode b) {
    Set<Integer> both = new HashSet<>(a.owned());
    both.retainAll(b.owned());
    Set<Integer> either = new HashSet<>(a.owned());
    either.addAll(b.owned());
    return both.isEmpty() && either.equals(allPartitions());
  }

  private static Set<Integer> allPartitions() {
    Set<Integer> all = new HashSet<>();
    IntStream.range(0, PARTITIONS).forEach(all::add);
    return all;
  }

  private static long occurrences() throws SQLException {
    return number("select coalesce(sum(occurrences), 0) from alert_occurrences");
  }

  private static long activeAlerts() throws SQLException {
    return number("select count(*) from alerts where status in ('open', 'acknowledged')");
  }

  private static long duplicateActiveFingerprints() throws SQLException {
    return number(
        "select count(*) from (select fingerprint from alerts where status in ('open',"
            + " 'acknowledged') group by fingerprint having count(*) > 1) d");
  }

  private static long number(String sql) throws SQLException {
    return backends.number(sql);
  }

  /** A change by id, by an operator. */
  private static final class Change {
    static AlertCommand.Change of(long id, Transition transition) {
      return AlertCommand.Change.of(AlertRef.id(id), transition, Actor.of("operator"));
    }
  }
}
