package io.klaxon.server.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.oncall.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcalTest {

  private static final Instant NOW = Instant.parse("2026-03-28T10:00:00Z");

  @Test
  void eachShiftIsAnEventInUtcWithCrlfLines() {
    String text =
        Ical.of(
            "primary",
            List.of(
                new Schedule.Shift(
                    "bob",
                    Instant.parse("2026-03-28T08:00:00Z"),
                    Instant.parse("2026-03-29T07:00:00Z"))),
            NOW);
    assertThat(text)
        .startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
        .contains(
            "BEGIN:VEVENT\r\n",
            "DTSTART:20260328T080000Z\r\n",
            "DTEND:20260329T070000Z\r\n",
            "DTSTAMP:20260328T100000Z\r\n",
            "SUMMARY:bob on call (primary)\r\n")
        .endsWith("END:VCALENDAR\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void textIsEscapedAndLongLinesAreFoldedAtSeventyFiveOctets() {
    String person = "ä;,\\".repeat(30);
    String text =
        Ical.of("s", List.of(new Schedule.Shift(person, NOW, NOW.plusSeconds(3600))), NOW);
    assertThat(Ical.escape("a;b,c\\d\ne")).isEqualTo("a\\;b\\,c\\\\d\\ne");
    assertThat(Arrays.stream(text.split("\r\n")))
        .allSatisfy(
            line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    String unfolded = text.replace("\r\n ", "");
    assertThat(unfolded).contains("SUMMARY:" + Ical.escape(person) + " on call (s)\r\n");
  }
}
