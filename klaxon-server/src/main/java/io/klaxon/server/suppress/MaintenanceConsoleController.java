package io.klaxon.server.suppress;

import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.When;
import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.klaxon.suppress.Occurrence;
import io.klaxon.suppress.WindowSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's Maintenance page: every maintenance window with its next occurrences. */
@Controller
@ConsolePage
class MaintenanceConsoleController {

  /** How many occurrences each window shows, the one open now first. */
  static final int NEXT_OCCURRENCES = 5;

  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final MaintenanceWindowStore store;
  private final InstantSource clock;

  MaintenanceConsoleController(MaintenanceWindowStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * One occurrence: wall-clock text in the window's zone (what people plan by), and its start as a
   * time element with the exact UTC time.
   */
  record OccurrenceRow(String local, When start, boolean open) {

    static OccurrenceRow of(Occurrence occurrence, ZoneId zone, Instant now) {
      ZonedDateTime start = occurrence.start().atZone(zone);
      ZonedDateTime end = occurrence.end().atZone(zone);
      String until =
          end.toLocalDate().equals(start.toLocalDate())
              ? end.format(TIME)
              : end.format(DAY_AND_TIME);
      return new OccurrenceRow(
          start.format(DAY_AND_TIME) + " – " + until,
          When.at(occurrence.start(), now),
          occurrence.contains(now));
    }
  }

  /** One window as a row of the page. */
  record WindowRow(
      long id,
      String name,
      List<String> matcherSets,
      String schedule,
      String zone,
      String comment,
      List<OccurrenceRow> next) {

    static WindowRow of(MaintenanceWindow window, Instant now) {
      WindowSchedule schedule = window.schedule();
      List<OccurrenceRow> next = new ArrayList<>();
      for (Occurrence occurrence : schedule.between(now, Instant.MAX, NEXT_OCCURRENCES)) {
        next.add(OccurrenceRow.of(occurrence, schedule.zone(), now));
      }
      String bounds =
          " from "
              + schedule.startDate()
              + (schedule.endDate() == null ? "" : " until " + schedule.endDate());
      return new WindowRow(
          window.id(),
          window.name(),
          window.matcherSets().stream().map(MatcherText::text).toList(),
          schedule.rrule()
              + " at "
              + schedule.startTime()
              + " for "
              + length(schedule.duration())
              + bounds,
          schedule.zone().getId(),
          window.comment(),
          next);
    }
  }

  @GetMapping("/maintenance")
  String list(Model model) {
    Instant now = clock.instant();
    model.addAttribute("rows", store.all().stream().map(w -> WindowRow.of(w, now)).toList());
    model.addAttribute("nextCount", NEXT_OCCURRENCES);
    return "console/maintenance";
  }

  /** A duration as people write it: {@code 4h}, {@code 90m}, {@code 1d 2h}. */
  static String length(Duration duration) {
    List<String> parts = new ArrayList<>();
    if (duration.toDaysPart() > 0) {
      parts.add(duration.toDaysPart() + "d");
    }
    if (duration.toHoursPart() > 0) {
      parts.add(duration.toHoursPart() + "h");
    }
    if (duration.toMinutesPart() > 0 || parts.isEmpty()) {
      parts.add(duration.toMinutesPart() + "m");
    }
    return String.join(" ", parts);
  }
}
