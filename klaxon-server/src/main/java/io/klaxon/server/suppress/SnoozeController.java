package io.klaxon.server.suppress;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.klaxon.access.Actor;
import io.klaxon.suppress.Snooze;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Snooze one alert until a time, or end its snooze. The alert's {@code suppressedBy} follows within
 * a second, through the suppression sweep and the engine.
 */
@RestController
@RequestMapping("/api/alerts/{id}")
@Tag(name = "alerts")
class SnoozeController {

  private final Snoozing snoozing;

  SnoozeController(Snoozing snoozing) {
    this.snoozing = snoozing;
  }

  /** {@code until} (ISO-8601) or {@code for} ({@code 30m}, {@code 2h}, {@code PT90M}). */
  record SnoozeRequest(
      @Nullable String until,
      @JsonProperty("for") @Nullable String duration,
      @Nullable String note) {}

  /** A snooze as the API answers it; {@code until} null once ended. */
  record SnoozeView(
      long alertId, boolean snoozed, @Nullable Instant until, @Nullable String note) {}

  @PostMapping("/snooze")
  @Operation(summary = "Snooze an active alert until a time; 409 for a final alert")
  SnoozeView snooze(@PathVariable long id, @RequestBody SnoozeRequest body, Actor actor) {
    Snooze snooze = snoozing.snooze(id, body.until(), body.duration(), body.note(), actor);
    return new SnoozeView(id, true, snooze.until(), snooze.note());
  }

  @PostMapping("/unsnooze")
  @Operation(summary = "End an alert's snooze; 409 for a final alert")
  SnoozeView unsnooze(@PathVariable long id) {
    snoozing.unsnooze(id);
    return new SnoozeView(id, false, null, null);
  }
}
