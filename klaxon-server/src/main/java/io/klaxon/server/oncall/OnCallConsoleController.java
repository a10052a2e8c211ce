package io.klaxon.server.oncall;

import io.klaxon.oncall.Schedule;
import io.klaxon.server.console.ConsolePage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's on-call page: who is on call now in each schedule, and its next 14 days. */
@Controller
@ConsolePage
class OnCallConsoleController {

  static final Duration AHEAD = Duration.ofDays(14);
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  /** A schedule as the page shows it. */
  public record ScheduleRow(
      String name, String timeZone, @Nullable String onCallNow, List<ShiftRow> shifts) {}

  /** One shift, in the schedule's zone. */
  public record ShiftRow(String person, String start, String end, String startIso) {}

  private final OnCallDirectory directory;
  private final InstantSource clock;

  OnCallConsoleController(OnCallDirectory directory, InstantSource clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping("/oncall")
  String page(Model model) {
    Instant now = clock.instant();
    List<ScheduleRow> rows = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(directory.schedules().keySet())) {
      Schedule schedule = directory.schedule(name);
      ZoneId zone = schedule.zone();
      List<ShiftRow> shifts =
          schedule.shifts(now, now.plus(AHEAD)).stream()
              .map(
                  shift ->
                      new ShiftRow(
                          shift.person(),
                          LOCAL.format(ZonedDateTime.ofInstant(shift.start(), zone)),
                          LOCAL.format(ZonedDateTime.ofInstant(shift.end(), zone)),
                          shift.start().toString()))
              .toList();
      rows.add(new ScheduleRow(name, zone.getId(), schedule.onCallAt(now).orElse(null), shifts));
    }
    model.addAttribute("schedules", rows);
    return "console/oncall";
  }
}
