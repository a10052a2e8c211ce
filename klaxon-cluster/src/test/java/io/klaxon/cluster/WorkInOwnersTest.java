package io.klaxon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Work that spans alerts in cluster mode (issue 15): the per-alert jobs of each instance look at
 * the partitions it owns, from its engines' memory, so that together the instances expire every
 * alert once; and a purge of a subject reaches every partition, also those its alerts with a free
 * {@code dedupKey} landed in.
 */
class WorkInOwnersTest {

  private static final int PARTITIONS = 4;
  private static final int ALERTS = 24;
  private static final Instant PAST = Instant.parse("2026-01-01T00:00:00Z");

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.migrated(PARTITIONS);

  @Test
  void eachInstanceExpiresTheAlertsOfItsOwnPartitionsAndTogetherEveryOneOnce() throws Exception {
    ClusterNode first = node("first");
    ClusterNode second = node("second");
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> first.isMember() && second.isMember() && ownedByExactlyOne(first, second));
      assertThat(first.submit(due("expiring")).join()).noneMatch(CommandResult::isRefused);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> expiring(first).size() + expiring(second).size() == ALERTS);
      Partitioning partitioning = new Partitioning(PARTITIONS);
      assertThat(first.activeAlerts())
          .allMatch(alert -> first.owned().contains(partitioning.of(alert.fingerprint())));
      int firstShare = expiring(first).size();

      int expiredByFirst = first.expireDue(Instant.now(), Actor.of("klaxon"));

      assertThat(expiredByFirst).isEqualTo(firstShare);
      assertThat(
              count(
                  "select count(*) from alerts where status = 'expired' and fingerprint like"
                      + " 'expiring-%'"))
          .isEqualTo(firstShare);
      assertThat(second.expireDue(Instant.now(), Actor.of("klaxon")))
          .isEqualTo(ALERTS - firstShare);
      assertThat(
              count(
                  "select count(*) from alerts where status = 'expired' and fingerprint like"
                      + " 'expiring-%'"))
          .isEqualTo(ALERTS);
      assertThat(first.expireDue(Instant.now(), Actor.of("klaxon"))).isZero();
    } finally {
      first.close();
      second.close();
    }
  }

  @Test
  void aPurgeOfASubjectReachesEveryPartitionAndEveryOwnersMemory() throws Exception {
    ClusterNode first = node("first");
    ClusterNode second = node("second");
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> first.isMember() && second.isMember() && ownedByExactlyOne(first, second));
      // Free dedupKeys of one server: they spread over the partitions.
      List<AlertCommand> triggers =
          IntStream.range(0, ALERTS)
              .<AlertCommand>mapToObj(
                  i -> trigger("nas-key-" + i, Subject.of("server", "nas", null)))
              .toList();
      assertThat(second.submit(triggers).join()).noneMatch(CommandResult::isRefused);
      Set<Integer> spread = new HashSet<>();
      Partitioning partitioning = new Partitioning(PARTITIONS);
      triggers.forEach(t -> spread.add(partitioning.of(((AlertCommand.Trigger) t).fingerprint())));
      assertThat(spread).hasSizeGreaterThan(1);

      List<CommandResult> purged =
          first
              .submit(List.of(new AlertCommand.Purge("server", "nas", Actor.of("operator"))))
              .join();

      assertThat(purged)
          .singleElement()
          .extracting(CommandResult::outcome)
          .isEqualTo(Outcome.PURGED);
      assertThat(count("select count(*) from alerts where fingerprint like 'nas-key-%'")).isZero();
      assertThat(first.activeAlerts()).noneMatch(a -> a.fingerprint().startsWith("nas-key-"));
      assertThat(second.activeAlerts()).noneMatch(a -> a.fingerprint().startsWith("nas-key-"));
      // A new trigger of a purged key opens a new alert: no owner still remembers the old one.
      List<CommandResult> again = first.submit(List.of(triggers.getLast())).join();
      assertThat(again.getFirst().outcome()).isEqualTo(Outcome.CREATED);
    } finally {
      first.close();
      second.close();
    }
  }

  /** The node's active alerts of the expiry test (the purge test may leave one of its own). */
  private static List<Alert> expiring(ClusterNode node) {
    return node.activeAlerts().stream()
        .filter(alert -> alert.fingerprint().startsWith("expiring-"))
        .toList();
  }

  private static List<AlertCommand> due(String prefix) {
    return IntStream.range(0, ALERTS)
        .<AlertCommand>mapToObj(
            i ->
                new AlertCommand.Trigger(
                    prefix + "-" + i,
                    "test",
                    "match",
                    Severity.HIGH,
                    "kick-off " + i,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    null,
                    PAST,
                    Actor.of("test")))
        .toList();
  }

  private static AlertCommand trigger(String fingerprint, Subject subject) {
    return new AlertCommand.Trigger(
        fingerprint,
        "test",
        "disk",
        Severity.HIGH,
        "disk " + fingerprint,
        null,
        subject,
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        Actor.of("test"));
  }

  private static ClusterNode node(String name) {
    return backends.node(name, "klaxon.work", Duration.ofSeconds(20));
  }

  private static boolean ownedByExactlyOne(ClusterNode a, ClusterNode b) {
    Set<Integer> both = new HashSet<>(a.owned());
    both.retainAll(b.owned());
    Set<Integer> either = new HashSet<>(a.owned());
    either.addAll(b.owned());
    return both.isEmpty() && either.size() == PARTITIONS;
  }

  private static long count(String sql) throws SQLException {
    return backends.number(sql);
  }
}
