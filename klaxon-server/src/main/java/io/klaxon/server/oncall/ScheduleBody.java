package io.klaxon.server.oncall;

import io.klaxon.oncall.Rotation;
import io.klaxon.oncall.Schedule;
import io.klaxon.oncall.ScheduleOverride;
import io.klaxon.oncall.ShiftLength;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.NamedBody;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as the API gives and stores it: a {@code timeZone}, {@code rotations} (members in
 * order, {@code start} as a local date-time that is also the hand-off time, {@code shiftLength
 * {amount, unit}}) and {@code overrides} ({@code person, start, end} as instants).
 */
record ScheduleBody(
    @Nullable String name,
    @Nullable String timeZone,
    @Nullable List<RotationBody> rotations,
    @Nullable List<OverrideBody> overrides)
    implements NamedBody<ScheduleBody> {

  record RotationBody(
      @Nullable List<String> members, @Nullable String start, @Nullable LengthBody shiftLength) {}

  record LengthBody(@Nullable Integer amount, @Nullable String unit) {}

  record OverrideBody(@Nullable String person, @Nullable String start, @Nullable String end) {}

  @Override
  public ScheduleBody named(String newName) {
    return new ScheduleBody(newName, timeZone, rotations, overrides);
  }

  /** Every person the schedule names. */
  Set<String> people() {
    Set<String> names = new java.util.TreeSet<>();
    for (RotationBody rotation : rotations == null ? List.<RotationBody>of() : rotations) {
      if (rotation.members() != null) {
        names.addAll(rotation.members());
      }
    }
    for (OverrideBody override : overrides == null ? List.<OverrideBody>of() : overrides) {
      if (override.person() != null) {
        names.add(override.person());
      }
    }
    return names;
  }

  /** The schedule, or null with every fault recorded; {@code people} are the names that exist. */
  @Nullable Schedule toSchedule(FieldErrors errors, Set<String> people) {
    PersonBody.checkName(errors, name);
    ZoneId zone = PersonBody.zone(errors, "timeZone", timeZone);
    List<Rotation> built = new ArrayList<>();
    List<RotationBody> given = rotations == null ? List.of() : rotations;
    if (given.isEmpty()) {
      errors.add("rotations", "needs at least one rotation");
    }
    for (int i = 0; i < given.size(); i++) {
      Rotation rotation = rotation(errors, "rotations[" + i + "].", given.get(i), people);
      if (rotation != null) {
        built.add(rotation);
      }
    }
    List<ScheduleOverride> covers = new ArrayList<>();
    List<OverrideBody> asked = overrides == null ? List.of() : overrides;
    for (int i = 0; i < asked.size(); i++) {
      String prefix = "overrides[" + i + "].";
      OverrideBody body = asked.get(i);
      person(errors, prefix + "person", body.person(), people);
      Instant start = instant(errors, prefix + "start", body.start());
      Instant end = instant(errors, prefix + "end", body.end());
      String person = body.person();
      if (start != null && end != null && person != null) {
        ScheduleOverride override =
            errors.attempt(prefix, () -> new ScheduleOverride(person, start, end));
        if (override != null) {
          covers.add(override);
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Schedule(Objects.requireNonNull(name), Objects.requireNonNull(zone), built, covers);
  }

  private static @Nullable Rotation rotation(
      FieldErrors errors, String prefix, RotationBody body, Set<String> people) {
    List<String> members = body.members() == null ? List.of() : body.members();
    for (int i = 0; i < members.size(); i++) {
      person(errors, prefix + "members[" + i + "]", members.get(i), people);
    }
    LocalDateTime start = null;
    if (errors.require(prefix + "start", body.start())) {
      try {
        start = LocalDateTime.parse(Objects.requireNonNull(body.start()));
      } catch (DateTimeParseException e) {
        errors.add(prefix + "start", "must be a local date-time such as 2026-03-23T09:00");
      }
    }
    ShiftLength length = null;
    LengthBody lengthBody = body.shiftLength();
    if (errors.require(prefix + "shiftLength", lengthBody)) {
      LengthBody given = Objects.requireNonNull(lengthBody);
      // Both asked, so that both faults are told at once.
      boolean hasAmount = errors.require(prefix + "shiftLength.amount", given.amount());
      boolean hasUnit = errors.require(prefix + "shiftLength.unit", given.unit());
      boolean present = hasAmount && hasUnit;
      if (present) {
        length =
            errors.attempt(
                prefix,
                () ->
                    new ShiftLength(
                        Objects.requireNonNull(given.amount()),
                        ShiftLength.unit(Objects.requireNonNull(given.unit()))));
      }
    }
    if (start == null || length == null) {
      if (members.isEmpty()) {
        errors.add(prefix + "members", "needs at least one person");
      }
      return null;
    }
    LocalDateTime first = start;
    ShiftLength each = length;
    return errors.attempt(prefix, () -> new Rotation(members, first, each));
  }

  private static void person(
      FieldErrors errors, String field, @Nullable String name, Set<String> people) {
    if (name == null || !people.contains(name)) {
      errors.add(field, "no person is named '" + name + "'");
    }
  }

  private static @Nullable Instant instant(
      FieldErrors errors, String field, @Nullable String text) {
    if (!errors.require(field, text)) {
      return null;
    }
    try {
      return Instant.parse(Objects.requireNonNull(text));
    } catch (DateTimeParseException e) {
      errors.add(field, "must be an instant such as 2026-03-29T12:00:00Z");
      return null;
    }
  }
}
