package io.klaxon.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is on call when: rotations in a time zone, later rotations taking precedence where they have
 * started (a layer over the earlier ones), and overrides over all of them (the last listed wins).
 */
public record Schedule(
    String name, ZoneId zone, List<Rotation> rotations, List<ScheduleOverride> overrides) {

  public Schedule {
    rotations = List.copyOf(rotations);
    overrides = List.copyOf(overrides);
  }

  /** A stretch of time one person is on call. */
  public record Shift(String person, Instant start, Instant end) {}

  /** Who is on call at {@code at}; empty when nobody is (before every rotation starts). */
  public Optional<String> onCallAt(Instant at) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      if (overrides.get(i).covers(at)) {
        return Optional.of(overrides.get(i).person());
      }
    }
    for (int i = rotations.size() - 1; i >= 0; i--) {
      Optional<Rotation.Turn> turn = rotations.get(i).turnAt(at, zone);
      if (turn.isPresent()) {
        return Optional.of(turn.get().person());
      }
    }
    return Optional.empty();
  }

  /** The shifts in {@code [from, to)}, cut at its ends, a person's adjacent stretches merged. */
  public List<Shift> shifts(Instant from, Instant to) {
    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(from);
    cuts.add(to);
    for (Rotation rotation : rotations) {
      for (Rotation.Turn turn : rotation.turns(from, to, zone)) {
        cuts.add(turn.start());
        cuts.add(turn.end());
      }
    }
    for (ScheduleOverride override : overrides) {
      cuts.add(override.start());
      cuts.add(override.end());
    }
    List<Shift> shifts = new ArrayList<>();
    Instant previous = null;
    for (Instant cut : cuts.subSet(from, true, to, true)) {
      if (previous != null) {
        Optional<String> person = onCallAt(previous);
        if (person.isPresent()) {
          Shift last = shifts.isEmpty() ? null : shifts.getLast();
          if (last != null && last.person().equals(person.get()) && last.end().equals(previous)) {
            shifts.set(shifts.size() - 1, new Shift(last.person(), last.start(), cut));
          } else {
            shifts.add(new Shift(person.get(), previous, cut));
          }
        }
      }
      previous = cut;
    }
    return shifts;
  }
}
