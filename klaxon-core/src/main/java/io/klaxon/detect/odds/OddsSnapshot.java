package io.klaxon.detect.odds;

import io.klaxon.mapping.MappingLimits;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One bookmaker's price for one outcome of one market of a sports event, as scraped at a time.
 *
 * @param eventName shown as the subject's name; the event id when absent
 * @param kickoff when the event starts: its alerts expire then
 * @param bookmaker the bookmaker's source name, lowercased (as the mapping registry names sources)
 * @param marketId the bookmaker's own market id, translated to a canonical id by the registry
 * @param line the handicap or total of the market (2.5 goals), absent for markets without one
 * @param odds decimal odds, above 1.0
 * @param available false when the bookmaker shows the outcome suspended
 */
public record OddsSnapshot(
    String eventId,
    @Nullable String eventName,
    Instant kickoff,
    String bookmaker,
    String marketId,
    String marketName,
    @Nullable Double line,
    String outcome,
    double odds,
    boolean available,
    Instant observedAt) {

  // The mapping registry's rule for source names: a bookmaker must be one to be mapped at all.
  private static final Pattern BOOKMAKER = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  /**
   * @throws InvalidInput naming every bad field: a blank or missing id or name, a missing time,
   *     odds not above 1.0, a line that is not a finite number
   */
  public OddsSnapshot {
    List<FieldError> errors = new ArrayList<>();
    required("eventId", eventId, MappingLimits.NAME, errors);
    if (eventName != null && eventName.length() > MappingLimits.NAME) {
      errors.add(
          new FieldError("eventName", "must be at most " + MappingLimits.NAME + " characters"));
    }
    eventName = eventName == null || eventName.isBlank() ? null : eventName;
    // Null checks on non-null components guard against callers outside null-checked code (JSON).
    if (kickoff == null) {
      errors.add(new FieldError("kickoff", "is required"));
    }
    if (required("bookmaker", bookmaker, MappingLimits.SOURCE, errors)) {
      bookmaker = bookmaker.toLowerCase(Locale.ROOT);
      if (!BOOKMAKER.matcher(bookmaker).matches()) {
        errors.add(
            new FieldError(
                "bookmaker", "must be letters, digits, '_', '.' or '-', such as 'sportybet'"));
      }
    }
    // The unmapped log keeps at most this much of a market id; a longer one could not be logged.
    required("marketId", marketId, MappingLimits.EXTERNAL_ID, errors);
    required("marketName", marketName, MappingLimits.NAME, errors);
    required("outcome", outcome, MappingLimits.NAME, errors);
    if (line != null && !Double.isFinite(line)) {
      errors.add(new FieldError("line", "must be a finite number"));
    }
    if (!(odds > 1.0) || !Double.isFinite(odds)) {
      errors.add(new FieldError("odds", "must be a finite number above 1.0, not " + odds));
    }
    if (observedAt == null) {
      errors.add(new FieldError("observedAt", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** An available price: {@code available} defaults to true. */
  public OddsSnapshot(
      String eventId,
      @Nullable String eventName,
      Instant kickoff,
      String bookmaker,
      String marketId,
      String marketName,
      @Nullable Double line,
      String outcome,
      double odds,
      Instant observedAt) {
    this(
        eventId,
        eventName,
        kickoff,
        bookmaker,
        marketId,
        marketName,
        line,
        outcome,
        odds,
        true,
        observedAt);
  }

  /** This snapshot shown suspended: same price, {@code available = false}. */
  public OddsSnapshot suspended() {
    return new OddsSnapshot(
        eventId,
        eventName,
        kickoff,
        bookmaker,
        marketId,
        marketName,
        line,
        outcome,
        odds,
        false,
        observedAt);
  }

  private static boolean required(
      String field, @Nullable String text, int max, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "is required and must not be blank"));
      return false;
    }
    if (text.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
      return false;
    }
    return true;
  }
}
