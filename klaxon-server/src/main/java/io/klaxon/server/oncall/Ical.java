package io.klaxon.server.oncall;

import io.klaxon.oncall.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A schedule's shifts as an iCalendar (RFC 5545) text: one {@code VEVENT} per shift, times in UTC,
 * lines ended by CRLF and folded at 75 octets, text escaped. Hand-made: the format needed here is a
 * dozen lines, and no library was worth a dependency for it.
 */
final class Ical {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Ical() {}

  static String of(String scheduleName, List<Schedule.Shift> shifts, Instant now) {
    StringBuilder text = new StringBuilder();
    line(text, "BEGIN:VCALENDAR");
    line(text, "VERSION:2.0");
    line(text, "PRODID:-//Klaxon//On-call//EN");
    line(text, "CALSCALE:GREGORIAN");
    line(text, "X-WR-CALNAME:" + escape("On call: " + scheduleName));
    for (Schedule.Shift shift : shifts) {
      line(text, "BEGIN:VEVENT");
      line(
          text,
          "UID:"
              + escape(scheduleName)
              + "-"
              + shift.start().getEpochSecond()
              + "-"
              + escape(shift.person())
              + "@klaxon");
      line(text, "DTSTAMP:" + UTC.format(now));
      line(text, "DTSTART:" + UTC.format(shift.start()));
      line(text, "DTEND:" + UTC.format(shift.end()));
      line(text, "SUMMARY:" + escape(shift.person() + " on call (" + scheduleName + ")"));
      line(text, "END:VEVENT");
    }
    line(text, "END:VCALENDAR");
    return text.toString();
  }

  /** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }

  /** RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space. */
  private static void line(StringBuilder text, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 75) {
      text.append(content).append("\r\n");
      return;
    }
    int limit = 75;
    int used = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > limit) {
        text.append(current).append("\r\n ");
        current.setLength(0);
        used = 0;
        limit = 74; // the leading space counts
      }
      current.appendCodePoint(codePoint);
      used += size;
      i += Character.charCount(codePoint);
    }
    text.append(current).append("\r\n");
  }
}
