package io.klaxon.server.oncall;

import io.klaxon.access.Actor;
import io.klaxon.oncall.Schedule;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.NamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** On-call schedules, who is on call at a time, their shifts, and an iCalendar feed. */
@RestController
@Tag(name = "on-call")
class ScheduleController {

  /** The longest range of shifts asked for at once. */
  static final Duration MAX_RANGE = Duration.ofDays(366);

  private final OnCallDirectory directory;
  private final ObjectMapper json;
  private final InstantSource clock;

  ScheduleController(OnCallDirectory directory, ObjectMapper json, InstantSource clock) {
    this.directory = directory;
    this.json = json;
    this.clock = clock;
  }

  /** Who is on call in a schedule at a time; {@code person} null when nobody is. */
  record OnCall(String schedule, Instant at, @Nullable String person) {}

  /** The shifts of a range. */
  record Shifts(String schedule, Instant from, Instant to, List<Schedule.Shift> shifts) {}

  @GetMapping("/api/schedules")
  @Operation(summary = "Every schedule, by name")
  List<ScheduleBody> list() {
    return NamedBody.byName(directory.schedules().values());
  }

  @GetMapping("/api/schedules/{name}")
  @Operation(summary = "One schedule")
  ScheduleBody get(@PathVariable String name) {
    return directory.scheduleBody(name);
  }

  @PostMapping("/api/schedules")
  @Operation(
      summary = "Add a schedule",
      description =
          "name, timeZone (IANA), rotations [{members, start (local date-time, also the hand-off"
              + " time), shiftLength {amount, unit: hours|days|weeks}}] (later ones layer over"
              + " earlier ones), overrides [{person, start, end}].")
  ResponseEntity<ScheduleBody> create(@RequestBody JsonNode body, Actor actor) {
    ScheduleBody schedule =
        NamedBody.newName(
            FieldErrors.readBody(json, body, ScheduleBody.class),
            directory.schedules().keySet(),
            "a schedule");
    directory.putSchedule(schedule, actor);
    return ResponseEntity.created(URI.create("/api/schedules/" + schedule.name())).body(schedule);
  }

  @PutMapping("/api/schedules/{name}")
  @Operation(summary = "Add or replace a schedule")
  ScheduleBody put(@PathVariable String name, @RequestBody JsonNode body, Actor actor) {
    ScheduleBody schedule =
        NamedBody.atPath(FieldErrors.readBody(json, body, ScheduleBody.class), name);
    directory.putSchedule(schedule, actor);
    return schedule;
  }

  @DeleteMapping("/api/schedules/{name}")
  @Operation(summary = "Remove a schedule")
  ResponseEntity<Void> delete(@PathVariable String name) {
    directory.deleteSchedule(name);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/schedules/{name}/on-call")
  @Operation(summary = "Who is on call now, or at ?at= (an instant)")
  OnCall onCall(@PathVariable String name, @RequestParam(required = false) @Nullable String at) {
    Instant when = at == null ? clock.instant() : instant("at", at);
    return new OnCall(name, when, directory.schedule(name).onCallAt(when).orElse(null));
  }

  @GetMapping("/api/schedules/{name}/shifts")
  @Operation(summary = "The shifts from ?from= (default now) to ?to= (default 14 days later)")
  Shifts shifts(
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    Instant start = from == null ? clock.instant() : instant("from", from);
    Instant end = to == null ? start.plus(Duration.ofDays(14)) : instant("to", to);
    if (!end.isAfter(start)) {
      throw new InvalidInput("to", "must be after from");
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new InvalidInput("to", "must be at most 366 days after from");
    }
    return new Shifts(name, start, end, directory.schedule(name).shifts(start, end));
  }

  @GetMapping(value = "/api/schedules/{name}.ics", produces = "text/calendar")
  @Operation(summary = "The schedule's shifts from a week ago to 90 days ahead, as iCalendar")
  ResponseEntity<String> ics(@PathVariable String name) {
    Instant now = clock.instant();
    List<Schedule.Shift> shifts =
        directory
            .schedule(name)
            .shifts(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(90)));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
        .body(Ical.of(name, shifts, now));
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "must be an instant such as 2026-03-29T12:00:00Z");
    }
  }
}
