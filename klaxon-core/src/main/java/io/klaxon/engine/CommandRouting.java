package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Partitioning;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends each command of a submission to the partition of its alert, and puts the answers back in
 * the order of the commands. A command by fingerprint goes where the fingerprint belongs; one by id
 * where its alert's fingerprint belongs (memory first, else the store); a purge to every partition,
 * since alerts of the subject may have fingerprints of their own (a producer's key).
 */
final class CommandRouting {

  private final Partitioning partitioning;
  private final List<PartitionEngine> partitions;
  private final AlertStore store;

  /** Runs the later stages of a submission, off the writer threads. */
  private static final Executor STAGES = task -> Thread.ofVirtual().start(task);

  CommandRouting(Partitioning partitioning, List<PartitionEngine> partitions, AlertStore store) {
    this.partitioning = partitioning;
    this.partitions = partitions;
    this.store = store;
  }

  /** The share of a submission one partition takes: its commands and their places. */
  private record Share(List<AlertCommand> commands, List<Integer> places) {
    Share() {
      this(new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * Queues the commands in their partitions. A purge splits the submission: what comes before it is
   * committed first, then the purge in the subject's own partition (whose cascade deletes the
   * subject's alerts in every partition), then in the others (which drop them from memory), then
   * what comes after; so every command sees the ones before it done, as with one partition.
   *
   * @throws Unavailable at once when the first commands cannot be queued
   */
  CompletableFuture<List<CommandResult>> submit(List<? extends AlertCommand> commands) {
    if (commands.stream().noneMatch(AlertCommand.Purge.class::isInstance)) {
      return atOnce(commands);
    }
    CompletableFuture<List<CommandResult>> done = null;
    List<AlertCommand> run = new ArrayList<>();
    for (AlertCommand command : commands) {
      if (command instanceof AlertCommand.Purge purge) {
        if (!run.isEmpty()) {
          List<AlertCommand> before = List.copyOf(run);
          done = then(done, () -> atOnce(before));
          run.clear();
        }
        done = then(done, () -> purge(purge));
      } else {
        run.add(command);
      }
    }
    if (!run.isEmpty()) {
      List<AlertCommand> rest = List.copyOf(run);
      done = then(done, () -> atOnce(rest));
    }
    return done;
  }

  /** The next stage of a submission, started once the ones before are committed. */
  private static CompletableFuture<List<CommandResult>> then(
      @Nullable CompletableFuture<List<CommandResult>> before,
      Supplier<CompletableFuture<List<CommandResult>>> next) {
    if (before == null) {
      return next.get();
    }
    // Not on the writer thread that answered the stage before: routing may read the store.
    return before.thenComposeAsync(
        earlier -> next.get().thenApply(later -> concat(earlier, later)), STAGES);
  }

  private CompletableFuture<List<CommandResult>> purge(AlertCommand.Purge purge) {
    int home = partitioning.ofSubject(purge.subjectType(), purge.subjectKey());
    List<AlertCommand> alone = List.of(purge);
    partitions.get(home).reserve(1);
    return partitions
        .get(home)
        .enqueue(alone)
        .thenComposeAsync(
            first -> {
              List<CompletableFuture<List<CommandResult>>> others = new ArrayList<>();
              for (PartitionEngine partition : partitions) {
                if (partition.partition() != home) {
                  partition.reserve(1);
                  others.add(partition.enqueue(alone));
                }
              }
              return CompletableFuture.allOf(others.toArray(CompletableFuture[]::new))
                  .thenApply(
                      done -> {
                        List<CommandResult> all = new ArrayList<>(first);
                        others.forEach(other -> all.addAll(other.join()));
                        return List.of(oneOf(all));
                      });
            },
            STAGES);
  }

  private static List<CommandResult> concat(List<CommandResult> a, List<CommandResult> b) {
    List<CommandResult> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  /** Queues commands without a purge in their partitions at once, answered together. */
  private CompletableFuture<List<CommandResult>> atOnce(List<? extends AlertCommand> commands) {
    Share[] shares = new Share[partitions.size()];
    for (int place = 0; place < commands.size(); place++) {
      AlertCommand command = commands.get(place);
      int partition = partitionOf(command);
      if (shares[partition] == null) {
        shares[partition] = new Share();
      }
      shares[partition].commands().add(command);
      shares[partition].places().add(place);
    }
    reserveAll(shares);
    List<CompletableFuture<List<CommandResult>>> answers = new ArrayList<>();
    List<Share> sent = new ArrayList<>();
    for (int partition = 0; partition < shares.length; partition++) {
      if (shares[partition] != null) {
        answers.add(partitions.get(partition).enqueue(shares[partition].commands()));
        sent.add(shares[partition]);
      }
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              CommandResult[] results = new CommandResult[commands.size()];
              for (int i = 0; i < sent.size(); i++) {
                List<CommandResult> mine = answers.get(i).join();
                List<Integer> places = sent.get(i).places();
                for (int j = 0; j < mine.size(); j++) {
                  results[places.get(j)] = mine.get(j);
                }
              }
              return List.of(results);
            });
  }

  /** Takes room in every partition concerned, or in none. */
  private void reserveAll(Share[] shares) {
    for (int partition = 0; partition < shares.length; partition++) {
      if (shares[partition] == null) {
        continue;
      }
      try {
        partitions.get(partition).reserve(shares[partition].commands().size());
      } catch (Unavailable refused) {
        for (int taken = 0; taken < partition; taken++) {
          if (shares[taken] != null) {
            partitions.get(taken).unreserve(shares[taken].commands().size());
          }
        }
        throw refused;
      }
    }
  }

  /**
   * The one result of a command: its partition's, or for a command sent to several partitions the
   * first refusal, else the first result that names an alert, else the first.
   */
  private static CommandResult oneOf(List<CommandResult> results) {
    if (results.size() == 1) {
      return results.getFirst();
    }
    return results.stream()
        .filter(r -> r.refusal() != null)
        .findFirst()
        .or(() -> results.stream().filter(r -> r.alert() != null).findFirst())
        .orElse(results.getFirst());
  }

  private int partitionOf(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Trigger trigger -> partitioning.of(trigger.fingerprint());
      case AlertCommand.Change change -> partitionOf(change.target());
      case AlertCommand.Note note -> partitionOf(note.target());
      case AlertCommand.Suppress suppress -> partitionOfId(suppress.alertId());
      case AlertCommand.Delete delete -> partitionOfId(delete.alertId());
      case AlertCommand.Purge purge ->
          partitioning.ofSubject(purge.subjectType(), purge.subjectKey());
    };
  }

  private int partitionOf(AlertRef ref) {
    return switch (ref) {
      case AlertRef.ByFingerprint(String fingerprint) -> partitioning.of(fingerprint);
      case AlertRef.ById(long id) -> partitionOfId(id);
    };
  }

  /**
   * The partition of the alert with this id: active ones are in memory; others are read. An unknown
   * id goes to the first partition, which answers that it is not found.
   */
  private int partitionOfId(long id) {
    for (PartitionEngine partition : partitions) {
      if (partition.active().byId(id).isPresent()) {
        return partition.partition();
      }
    }
    Optional<Alert> stored = store.findById(id);
    return stored.map(alert -> partitioning.of(alert.fingerprint())).orElse(0);
  }
}
