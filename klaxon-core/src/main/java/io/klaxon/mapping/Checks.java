package io.klaxon.mapping;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Collects every fault of one input, so that one refusal names them all; normalizes text. */
final class Checks {

  /** Source names as stored: lowercase, so that {@code SportyBet} and {@code sportybet} match. */
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The text stripped; records a fault (and answers "") when it is missing, blank or too long. */
  String required(String field, @Nullable String text, int max) {
    if (text == null || text.isBlank()) {
      add(field, "is required and must not be blank");
      return "";
    }
    String stripped = text.strip();
    if (stripped.length() > max) {
      add(field, "must be at most " + max + " characters");
    }
    return stripped;
  }

  /** The text stripped, or null when it is missing or blank; records a fault when too long. */
  @Nullable String optional(String field, @Nullable String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return required(field, text, max);
  }

  /** A source name, lowercased; records a fault unless it is a short word of [a-z0-9_.-]. */
  String source(String field, @Nullable String text) {
    String name = required(field, text, MappingLimits.SOURCE).toLowerCase(Locale.ROOT);
    if (!name.isEmpty() && !SOURCE.matcher(name).matches()) {
      add(field, "a source is a name of letters, digits, '_', '.' or '-', such as 'sportybet'");
    }
    return name;
  }

  /**
   * @throws InvalidInput naming every fault recorded
   */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** The normal form of a source name, as {@link #source} stores it; no checks (hot path). */
  static String sourceKey(String source) {
    return source.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws InvalidInput naming {@code limit} or {@code offset} when out of range
   */
  static void page(int limit, long offset) {
    Checks checks = new Checks();
    if (limit < 1 || limit > MappingLimits.MAX_LIMIT) {
      checks.add("limit", "must be between 1 and " + MappingLimits.MAX_LIMIT);
    }
    if (offset < 0) {
      checks.add("offset", "must not be negative");
    }
    checks.throwIfAny();
  }

  /**
   * Reads an enum constant from its name, case-insensitively.
   *
   * @throws InvalidInput naming {@code field} and the accepted words
   */
  static <E extends Enum<E>> E word(String field, String text, Class<E> type) {
    String wanted = text.strip().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    String accepted =
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw new InvalidInput(field, "unknown " + field + " '" + text + "': use one of " + accepted);
  }
}
