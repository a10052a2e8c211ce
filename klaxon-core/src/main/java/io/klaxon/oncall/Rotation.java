package io.klaxon.oncall;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * People taking turns in order: the first member from {@code start} (a wall-clock time in the
 * schedule's zone, which is also the hand-off time), each for one {@link ShiftLength}, then the
 * next, round and round.
 */
public record Rotation(List<String> members, LocalDateTime start, ShiftLength length) {

  public Rotation {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new InvalidInput("members", "needs at least one person");
    }
  }

  /** One member's turn. */
  public record Turn(String person, Instant start, Instant end) {}

  /** The turn that covers {@code at}; empty before the rotation starts. */
  public Optional<Turn> turnAt(Instant at, ZoneId zone) {
    Instant first = boundary(0, zone);
    if (at.isBefore(first)) {
      return Optional.empty();
    }
    long k = Duration.between(first, at).toHours() / length.approximateHours();
    while (boundary(k, zone).isAfter(at)) {
      k--;
    }
    while (!boundary(k + 1, zone).isAfter(at)) {
      k++;
    }
    return Optional.of(turn(k, zone));
  }

  /** The turns that overlap {@code [from, to)}, in order. */
  public List<Turn> turns(Instant from, Instant to, ZoneId zone) {
    List<Turn> turns = new ArrayList<>();
    Instant first = boundary(0, zone);
    Optional<Turn> current = turnAt(from.isBefore(first) ? first : from, zone);
    if (current.isEmpty()) {
      return turns;
    }
    long k = indexOf(current.get(), zone);
    for (Turn turn = turn(k, zone); turn.start().isBefore(to); turn = turn(++k, zone)) {
      turns.add(turn);
    }
    return turns;
  }

  private long indexOf(Turn turn, ZoneId zone) {
    Instant first = boundary(0, zone);
    long k = Duration.between(first, turn.start()).toHours() / length.approximateHours();
    while (boundary(k, zone).isAfter(turn.start())) {
      k--;
    }
    while (boundary(k, zone).isBefore(turn.start())) {
      k++;
    }
    return k;
  }

  private Turn turn(long k, ZoneId zone) {
    String person = members.get((int) Math.floorMod(k, (long) members.size()));
    return new Turn(person, boundary(k, zone), boundary(k + 1, zone));
  }

  /** When turn {@code k} starts: elapsed hours, or the zone's calendar for days and weeks. */
  private Instant boundary(long k, ZoneId zone) {
    if (length.unit() == ChronoUnit.HOURS) {
      return start.atZone(zone).toInstant().plus(Duration.ofHours(k * length.amount()));
    }
    return start.plus(k * length.amount(), length.unit()).atZone(zone).toInstant();
  }
}
