package io.klaxon.server.suppress;

import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.Occurrence;
import io.klaxon.suppress.WindowSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window as Klaxon's API answers it, with the occurrence open now ({@code open}) or
 * else the next one ({@code next}); {@code matchers} is its first matcher set.
 */
record WindowView(
    long id,
    String name,
    String matchers,
    List<String> matcherSets,
    String rrule,
    LocalTime startTime,
    String timeZone,
    String duration,
    LocalDate startDate,
    @Nullable LocalDate endDate,
    String createdBy,
    String comment,
    Instant updatedAt,
    boolean open,
    @Nullable OccurrenceView next) {

  /** One occurrence, from {@code start} until {@code end}. */
  record OccurrenceView(Instant start, Instant end) {
    static OccurrenceView of(Occurrence occurrence) {
      return new OccurrenceView(occurrence.start(), occurrence.end());
    }
  }

  static WindowView of(MaintenanceWindow window, Instant now) {
    WindowSchedule schedule = window.schedule();
    List<String> sets = window.matcherSets().stream().map(MatcherText::text).toList();
    List<Occurrence> coming = schedule.between(now, Instant.MAX, 1);
    return new WindowView(
        window.id(),
        window.name(),
        sets.getFirst(),
        sets,
        schedule.rrule(),
        schedule.startTime(),
        schedule.zone().getId(),
        schedule.duration().toString(),
        schedule.startDate(),
        schedule.endDate(),
        window.createdBy(),
        window.comment(),
        window.updatedAt(),
        !coming.isEmpty() && coming.getFirst().contains(now),
        coming.isEmpty() ? null : OccurrenceView.of(coming.getFirst()));
  }
}
