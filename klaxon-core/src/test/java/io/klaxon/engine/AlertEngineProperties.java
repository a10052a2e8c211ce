package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random runs of batches (triggers of a few fingerprints and severities; acknowledge,
 * unacknowledge, resolve, dismiss, expire and notes, by id and by fingerprint; purges of a subject;
 * deletes of single alerts; a clock that moves; commits that fail; engines that restart) against
 * the engine on the in-memory store. See {@link RandomRuns} for tries, seeds and replay, {@link
 * EngineModel} for the oracle, {@link StoreInvariants} for what must hold after every batch.
 */
class AlertEngineProperties {

  static final List<String> FINGERPRINTS = List.of("fp-a", "fp-b", "fp-c");
  private static final int MAX_ID = 8;

  /** One batch, and what happens around it. */
  record Step(List<AlertCommand> commands, Duration advance, boolean failCommit, boolean restart) {

    @Override
    public String toString() {
      return "after "
          + advance
          + (restart ? ", restart," : "")
          + (failCommit ? ", failing," : "")
          + " batch "
          + commands.stream().map(AlertEngineProperties::describe).toList();
    }
  }

  @Test
  void everyRun_matchesTheModel_andKeepsTheInvariants() {
    RandomRuns.check(
        random -> run(random, true),
        AlertEngineProperties::simpler,
        steps -> {
          InMemoryAlertStore store = new InMemoryAlertStore();
          FakeClock clock = new FakeClock();
          AlertEngine engine = AlertEngine.start(store, clock);
          EngineModel model = new EngineModel();
          StoreInvariants invariants = new StoreInvariants();
          for (Step step : steps) {
            clock.advance(step.advance());
            if (step.restart()) {
              engine.close();
              engine = AlertEngine.start(store, clock);
            }
            EngineModel next = model.copy();
            List<EngineModel.Expected> expected =
                step.commands().stream().map(next::apply).toList();
            boolean changes = expected.stream().anyMatch(EngineModel.Expected::changes);
            if (step.failCommit()) {
              List<Alert> before = store.all();
              int commits = store.commits().size();
              store.failNextCommit();
              AlertEngine failing = engine;
              if (changes) {
                assertThatThrownBy(() -> failing.apply(step.commands()))
                    .isInstanceOf(Unavailable.class);
              } else {
                checkResults(failing.apply(step.commands()), expected);
              }
              store.clearFailure();
              assertThat(store.all()).isEqualTo(before);
              assertThat(store.commits()).hasSize(commits);
              invariants.check(store, engine, FINGERPRINTS);
              continue; // the model stays where it was: a failed batch never happened
            }
            checkResults(engine.apply(step.commands()), expected);
            model = next;
            invariants.check(store, engine, FINGERPRINTS);
            assertThat(store.all()).hasSize(model.alerts().size());
            assertThat(store.maxAlertId()).isEqualTo(model.lastId());
          }
          engine.close();
        });
  }

  @Test
  void restartedEngine_continuesExactlyAsOneThatKeptRunning() {
    RandomRuns.check(
        random -> run(random, false),
        AlertEngineProperties::simpler,
        steps -> {
          InMemoryAlertStore restartedStore = new InMemoryAlertStore();
          InMemoryAlertStore keptStore = new InMemoryAlertStore();
          FakeClock restartedClock = new FakeClock();
          FakeClock keptClock = new FakeClock();
          AlertEngine restarted = AlertEngine.start(restartedStore, restartedClock);
          AlertEngine kept = AlertEngine.start(keptStore, keptClock);
          for (Step step : steps) {
            restartedClock.advance(step.advance());
            keptClock.advance(step.advance());
            if (step.restart()) {
              restarted.close();
              restarted = AlertEngine.start(restartedStore, restartedClock);
            }
            assertThat(comparable(restarted.apply(step.commands())))
                .isEqualTo(comparable(kept.apply(step.commands())));
          }
          restarted.close();
          kept.close();
          assertThat(restartedStore.all()).isEqualTo(keptStore.all());
          for (Alert alert : keptStore.all()) {
            // How re-triggers are told may differ: a restart forgets those not yet told.
            assertThat(material(restartedStore.history(alert.id())))
                .isEqualTo(material(keptStore.history(alert.id())));
          }
        });
  }

  /** The material entries of a history, without the occurrences they tell in passing. */
  private static List<HistoryEntry> material(List<HistoryEntry> history) {
    return history.stream()
        .filter(HistoryEntry::isMaterial)
        .map(
            e ->
                new HistoryEntry(
                    e.alertId(),
                    e.version(),
                    e.at(),
                    e.actor(),
                    e.action(),
                    e.fromStatus(),
                    e.toStatus(),
                    e.changes().stream().filter(c -> !c.field().equals("occurrences")).toList(),
                    e.note()))
        .toList();
  }

  private static void checkResults(
      List<CommandResult> results, List<EngineModel.Expected> expected) {
    assertThat(results).hasSameSizeAs(expected);
    for (int i = 0; i < results.size(); i++) {
      CommandResult result = results.get(i);
      EngineModel.Expected wanted = expected.get(i);
      String which = "command " + (i + 1) + ": " + result;
      assertThat(result.outcome()).as(which).isEqualTo(wanted.outcome());
      EngineModel.Tracked tracked = wanted.alert();
      if (tracked == null) {
        assertThat(result.alert()).as(which).isNull();
      } else {
        Alert alert = result.alert();
        assertThat(alert).as(which).isNotNull();
        assertThat(alert.id()).as(which).isEqualTo(tracked.id());
        assertThat(alert.fingerprint()).as(which).isEqualTo(tracked.fingerprint());
        assertThat(alert.status()).as(which).isEqualTo(tracked.status());
        assertThat(alert.version()).as(which).isEqualTo(tracked.version());
        assertThat(alert.occurrences()).as(which).isEqualTo(tracked.occurrences());
      }
      if (wanted.refusal() == null) {
        assertThat(result.refusal()).as(which).isNull();
      } else {
        assertThat(result.refusal()).as(which).isInstanceOf(wanted.refusal());
      }
      if (result.refusal() instanceof TransitionRefused refused) {
        assertThat(refused.currentStatus()).as(which).isEqualTo(wanted.refusingStatus().word());
      }
    }
  }

  /** Results in a form that compares by value, refusals included. */
  private static List<String> comparable(List<CommandResult> results) {
    return results.stream()
        .map(
            r ->
                r.outcome()
                    + " "
                    + r.alert()
                    + " "
                    + (r.refusal() == null
                        ? ""
                        : r.refusal().getClass().getSimpleName() + ": " + r.refusal().getMessage()))
        .toList();
  }

  private static List<Step> run(Random random, boolean failures) {
    int length = 1 + random.nextInt(15);
    List<Step> steps = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      int size = 1 + random.nextInt(5);
      List<AlertCommand> commands = new ArrayList<>(size);
      for (int j = 0; j < size; j++) {
        commands.add(command(random));
      }
      Duration advance =
          switch (random.nextInt(4)) {
            case 0 -> Duration.ZERO;
            case 1 -> Duration.ofNanos(1 + random.nextInt(5_000)); // below a microsecond too
            default -> Duration.ofMillis(random.nextInt(600_000));
          };
      boolean failCommit = failures && random.nextInt(10) == 0;
      boolean restart = random.nextInt(8) == 0;
      steps.add(new Step(List.copyOf(commands), advance, failCommit, restart));
    }
    return steps;
  }

  private static AlertCommand command(Random random) {
    String fingerprint = FINGERPRINTS.get(random.nextInt(FINGERPRINTS.size()));
    AlertRef ref =
        random.nextBoolean()
            ? AlertRef.fingerprint(fingerprint)
            : AlertRef.id(1 + random.nextInt(MAX_ID));
    int kind = random.nextInt(22);
    if (kind < 8) {
      Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
      Double value = random.nextInt(3) == 0 ? null : (double) (10 * random.nextInt(3));
      Subject subject = random.nextInt(5) == 0 ? Subject.of("server", fingerprint, null) : null;
      Instant occurredAt =
          random.nextInt(5) == 0 ? FakeClock.START.plusSeconds(random.nextInt(36_000)) : null;
      return new AlertCommand.Trigger(
          fingerprint,
          "hosts",
          "disk",
          severity,
          "Disk on " + fingerprint,
          null,
          subject,
          value,
          null,
          null,
          Map.of(),
          occurredAt,
          null,
          Actor.of("hosts"));
    }
    if (kind < 17) {
      Transition transition = Transition.values()[random.nextInt(Transition.values().length)];
      String note = random.nextInt(4) == 0 ? "because" : null;
      return new AlertCommand.Change(
          ref, transition, Actor.of("alice"), note, random.nextInt(3) == 0);
    }
    if (kind < 19) {
      return new AlertCommand.Note(ref, "note", Actor.of("bob"));
    }
    if (kind < 20) {
      return new AlertCommand.Purge("server", fingerprint, Actor.of("alice"));
    }
    return new AlertCommand.Delete(1 + random.nextInt(MAX_ID), Actor.of("klaxon"));
  }

  /** Simpler variants of a step: one command fewer, no failure, no restart, no time passing. */
  private static List<Step> simpler(Step step) {
    List<Step> simpler = new ArrayList<>();
    for (int i = 0; step.commands().size() > 1 && i < step.commands().size(); i++) {
      List<AlertCommand> fewer = new ArrayList<>(step.commands());
      fewer.remove(i);
      simpler.add(new Step(List.copyOf(fewer), step.advance(), step.failCommit(), step.restart()));
    }
    if (step.failCommit()) {
      simpler.add(new Step(step.commands(), step.advance(), false, step.restart()));
    }
    if (step.restart()) {
      simpler.add(new Step(step.commands(), step.advance(), step.failCommit(), false));
    }
    if (!step.advance().isZero()) {
      simpler.add(new Step(step.commands(), Duration.ZERO, step.failCommit(), step.restart()));
    }
    return simpler;
  }

  static String describe(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Trigger t ->
          "trigger("
              + t.fingerprint()
              + " "
              + t.severity().word()
              + (t.value() == null ? "" : " value=" + t.value())
              + (t.subject() == null ? "" : " subject")
              + (t.occurredAt() == null ? "" : " at=" + t.occurredAt())
              + ")";
      case AlertCommand.Change c ->
          c.transition().word() + "(" + describe(c.target()) + (c.automatic() ? " auto" : "") + ")";
      case AlertCommand.Note n -> "note(" + describe(n.target()) + ")";
      case AlertCommand.Purge p -> "purge(" + p.subjectType() + "/" + p.subjectKey() + ")";
      case AlertCommand.Delete d -> "delete(#" + d.alertId() + ")";
      case AlertCommand.Suppress s -> "suppress(#" + s.alertId() + " " + s.suppressedBy() + ")";
    };
  }

  private static String describe(AlertRef ref) {
    return switch (ref) {
      case AlertRef.ById(long id) -> "#" + id;
      case AlertRef.ByFingerprint(String fingerprint) -> fingerprint;
    };
  }
}
