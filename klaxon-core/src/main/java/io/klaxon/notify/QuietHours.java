package io.klaxon.notify;

import io.klaxon.alert.Severity;
import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily span of local time in which a route holds its notifications back until the span ends; it
 * may cross midnight ({@code 22:00}–{@code 07:00}).
 *
 * @param criticalOverrides critical alerts are notified at once even in quiet hours
 */
public record QuietHours(ZoneId zone, LocalTime start, LocalTime end, boolean criticalOverrides) {

  public QuietHours {
    if (start.equals(end)) {
      throw new InvalidInput("end", "must differ from the start");
    }
  }

  /** When a notification of this severity planned at {@code at} may go: {@code at}, or the end. */
  public Instant release(Instant at, Severity severity) {
    if (criticalOverrides && severity == Severity.CRITICAL) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean crossesMidnight = start.isAfter(end);
    boolean quiet =
        crossesMidnight
            ? !time.isBefore(start) || time.isBefore(end)
            : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return at;
    }
    ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
    ZonedDateTime release = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
    return release.toInstant();
  }
}
