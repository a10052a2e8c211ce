package io.klaxon.cluster;

import io.klaxon.engine.CommandResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests this instance sent to the command topic and waits to hear about: each is answered per
 * partition by its owner, and complete once every partition it went to has answered.
 */
final class Answers {

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** A request's answers so far; the positions of its commands in each partition's record. */
  private static final class Pending {
    private final Map<Integer, List<Integer>> positions;
    private final CommandResult[] results;
    private final boolean withAlerts;
    private int missing;
    private final CompletableFuture<List<CommandResult>> done = new CompletableFuture<>();

    Pending(int size, Map<Integer, List<Integer>> positions, boolean withAlerts) {
      this.positions = positions;
      this.results = new CommandResult[size];
      this.withAlerts = withAlerts;
      this.missing = positions.size();
    }

    synchronized boolean answer(int partition, List<CommandResult> answered) {
      List<Integer> mine = positions.get(partition);
      if (mine == null || answered.size() != mine.size() || results[mine.getFirst()] != null) {
        return false; // not ours, or heard already (a record applied after a take-over)
      }
      for (int i = 0; i < mine.size(); i++) {
        results[mine.get(i)] = answered.get(i);
      }
      missing--;
      return missing == 0;
    }
  }

  /**
   * Starts waiting for a request's answers.
   *
   * @param given results known without asking an owner (an id that does not exist), by position
   * @param positions for each partition asked, the positions of its commands in the request
   * @param withAlerts whether the caller needs the results' alerts, or only their outcomes
   */
  CompletableFuture<List<CommandResult>> expect(
      String request,
      int size,
      Map<Integer, CommandResult> given,
      Map<Integer, List<Integer>> positions,
      boolean withAlerts) {
    Pending waiting = new Pending(size, positions, withAlerts);
    given.forEach((position, result) -> waiting.results[position] = result);
    if (positions.isEmpty()) {
      waiting.done.complete(List.of(waiting.results));
      return waiting.done;
    }
    pending.put(request, waiting);
    // Whoever completes it (an answer, a caller's time-out), the request is forgotten.
    var unused = waiting.done.whenComplete((results, failure) -> pending.remove(request));
    return waiting.done;
  }

  /** An owner's answer for one partition of a request; ignored when nobody waits for it. */
  void answer(String request, int partition, List<CommandResult> results) {
    Pending waiting = pending.get(request);
    if (waiting != null && waiting.answer(partition, results)) {
      waiting.done.complete(Arrays.asList(waiting.results));
    }
  }

  /** Whether someone here waits for the request: answers for others need not be read back. */
  boolean waitsFor(String request) {
    return pending.containsKey(request);
  }

  /**
   * Whether the one waiting for the request needs its results' alerts: a caller that needs only the
   * outcomes (the Alertmanager API answers none) spares their read back.
   */
  boolean wantsAlerts(String request) {
    Pending waiting = pending.get(request);
    return waiting != null && waiting.withAlerts;
  }
}
