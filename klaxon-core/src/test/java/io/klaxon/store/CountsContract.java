package io.klaxon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Counts read from the trigger-kept {@code alert_counts} and {@code alert_counts_by_time} tables
 * agree with counting the alerts themselves, whatever mix of changes came before: new alerts,
 * re-triggers that move severity, lifecycle transitions, and purges that delete alerts by
 * foreign-key cascade.
 */
public interface CountsContract extends AlertStoreFixture {

  List<String> SOURCES = List.of("odds", "hosts", "trading");
  List<String> TYPES = List.of("price_change", "disk", "offline");
  List<Transition> TRANSITIONS =
      List.of(
          Transition.ACKNOWLEDGE,
          Transition.UNACKNOWLEDGE,
          Transition.RESOLVE,
          Transition.DISMISS,
          Transition.EXPIRE);

  @Test
  default void countsFromTheCountsTableMatchCountingTheAlertsAfterAnyMixOfChanges() {
    long seed = Long.getLong("klaxon.seed", System.nanoTime());
    Random random = new Random(seed);
    List<Long> ids = new ArrayList<>();
    try (AlertEngine engine = engine()) {
      for (int step = 0; step < 400; step++) {
        int choice = random.nextInt(10);
        if (choice < 5 || ids.isEmpty()) {
          int key = random.nextInt(60);
          var result = engine.apply(trigger(key, random));
          if (result.alert() != null) {
            ids.add(result.alert().id());
          }
        } else if (choice < 9) {
          long id = ids.get(random.nextInt(ids.size()));
          Transition transition = TRANSITIONS.get(random.nextInt(TRANSITIONS.size()));
          // A transition the alert's status does not allow is refused, changing nothing.
          engine.apply(
              List.of(AlertCommand.Change.of(AlertRef.id(id), transition, Actor.of("ops"))));
        } else {
          engine.apply(
              new AlertCommand.Purge("server", "s" + random.nextInt(6), Actor.of("admin")));
        }
        // Two minutes a step: the changes spread over many ten-minute buckets of detection time.
        clock().advance(Duration.ofMinutes(2));
      }
    }

    assertCountsMatchCountingTheAlerts(random, seed);
  }

  @Test
  default void newAlertsCommittedTogetherAreCountedByKindAndTenMinutesOfDetection() {
    long seed = Long.getLong("klaxon.seed", System.nanoTime());
    Random random = new Random(seed);
    // One commit of many new alerts of several kinds, detected over many ten-minute buckets: a
    // store may count them per kind and bucket instead of per row.
    List<AlertCommand> together = new ArrayList<>();
    for (int key = 0; key < 120; key++) {
      Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
      together.add(
          new AlertCommand.Trigger(
              "together-" + key,
              SOURCES.get(key % SOURCES.size()),
              TYPES.get(key / 7 % TYPES.size()),
              severity,
              "Alert " + key,
              null,
              Subject.of("server", "s" + key % 6, "Server " + key % 6),
              null,
              null,
              null,
              Map.of(),
              AlertBuilder.T0.plus(Duration.ofMinutes(7L * random.nextInt(80) - 30)),
              null,
              Actor.of("detector")));
    }
    try (AlertEngine engine = engine()) {
      assertThat(engine.apply(together)).hasSize(120);
      // and a few of them changed in a later commit, so that the counts move again
      engine.apply(
          List.of(
              AlertCommand.Change.of(
                  AlertRef.fingerprint("together-3"), Transition.RESOLVE, Actor.of("ops")),
              AlertCommand.Change.of(
                  AlertRef.fingerprint("together-4"), Transition.ACKNOWLEDGE, Actor.of("ops"))));
    }

    assertThat(store().find(QueryBuilder.query().build()).total()).isGreaterThanOrEqualTo(120);
    assertCountsMatchCountingTheAlerts(random, seed);
  }

  /**
   * Every countable query answers the same counts from the counts tables as when the store counts
   * the alerts themselves (the same filters plus the subject type every alert here has).
   */
  private void assertCountsMatchCountingTheAlerts(Random random, long seed) {
    for (AlertQuery countable : queries(random)) {
      // The same filters plus the subject type every alert here has: no longer countable from
      // the counts tables, so the store counts the alerts themselves.
      AlertQuery scanned =
          new AlertQuery(
              countable.statuses(),
              countable.severities(),
              countable.types(),
              countable.sources(),
              "server",
              null,
              countable.from(),
              countable.to(),
              null,
              Map.of(),
              countable.sort(),
              countable.limit(),
              countable.offset());
      AlertPage fromCounts = store().find(countable);
      AlertPage fromScan = store().find(scanned);

      assertThat(fromCounts.counts())
          .as("seed %s, %s", seed, countable)
          .isEqualTo(fromScan.counts());
      assertThat(fromCounts.total()).as("seed %s, %s", seed, countable).isEqualTo(fromScan.total());
      assertThat(store().stats(countable))
          .as("seed %s, %s", seed, countable)
          .isEqualTo(store().stats(scanned));
    }
    assertThat(store().find(QueryBuilder.query().build()).total()).isPositive();
  }

  private AlertCommand.Trigger trigger(int key, Random random) {
    Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
    Subject subject = Subject.of("server", "s" + key % 6, "Server " + key % 6);
    return new AlertCommand.Trigger(
        "fp-" + key,
        SOURCES.get(key % SOURCES.size()),
        TYPES.get(key % TYPES.size()),
        severity,
        "Alert " + key,
        null,
        subject,
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        Actor.of("detector"));
  }

  private static List<AlertQuery> queries(Random random) {
    List<AlertQuery> queries = new ArrayList<>();
    queries.add(QueryBuilder.query().build());
    queries.add(QueryBuilder.query().statuses(AlertStatus.OPEN).build());
    queries.add(QueryBuilder.query().statuses(AlertStatus.RESOLVED, AlertStatus.EXPIRED).build());
    queries.add(QueryBuilder.query().severities(Severity.CRITICAL, Severity.HIGH).build());
    queries.add(QueryBuilder.query().sources("odds").types("disk", "price_change").build());
    // Detection time ranges on ten-minute boundaries (from alert_counts_by_time), one open-ended.
    Instant hour = AlertBuilder.T0.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    for (int i = 0; i < 6; i++) {
      Instant from = hour.plus(Duration.ofMinutes(10L * random.nextInt(60)));
      Instant to = from.plus(Duration.ofMinutes(10L * (1 + random.nextInt(90))));
      queries.add(QueryBuilder.query().detected(from, to).build());
      queries.add(
          QueryBuilder.query()
              .detected(from, to)
              .statuses(AlertStatus.OPEN, AlertStatus.RESOLVED)
              .severities(Severity.values()[random.nextInt(Severity.values().length)])
              .build());
    }
    queries.add(QueryBuilder.query().detected(hour.plus(Duration.ofHours(3)), null).build());
    for (int i = 0; i < 10; i++) {
      AlertStatus status = AlertStatus.values()[random.nextInt(AlertStatus.values().length)];
      Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
      queries.add(
          QueryBuilder.query()
              .statuses(status)
              .severities(severity)
              .sources(SOURCES.get(random.nextInt(SOURCES.size())))
              .build());
    }
    return queries;
  }
}
