package io.klaxon.server.mapping;

import io.klaxon.server.problem.FieldErrors;
import io.klaxon.mapping.MappingLimits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads query parameters, naming every bad one at once (in the {@link FieldErrors} it was given):
 * unknown names are refused, multi-value filters take repeated or comma-separated values.
 */
final class Params {

  private final MultiValueMap<String, String> params;
  private final FieldErrors errors;

  Params(MultiValueMap<String, String> params, FieldErrors errors, List<String> known) {
    this.params = params;
    this.errors = errors;
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        errors.add(
            name,
            "unknown parameter"
                + (known.isEmpty() ? ": this takes none" : "; known: " + String.join(", ", known)));
      }
    }
  }

  @Nullable String single(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      errors.add(name, "give at most one value");
      return null;
    }
    return values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst().strip();
  }

  /** Every value of a multi-value parameter, parsed; the parser's refusals are recorded. */
  <T> Set<T> words(String name, Function<String, T> parser) {
    Set<T> values = new LinkedHashSet<>();
    for (String raw : params.getOrDefault(name, List.of())) {
      for (String part : raw.split(",")) {
        if (!part.isBlank()) {
          T value = errors.attempt("", () -> parser.apply(part.strip()));
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }

  @Nullable Boolean bool(String name) {
    String text = single(name);
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(name, "'" + text + "' is not true or false");
        yield null;
      }
    };
  }

  @Nullable Instant time(String name) {
    String text = single(name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(name, "'" + text + "' is not an ISO-8601 UTC time such as 2026-01-31T18:00:00Z");
      return null;
    }
  }

  /**
   * {@code limit}: 1 to {@value MappingLimits#MAX_LIMIT}, default {@value
   * MappingLimits#DEFAULT_LIMIT}.
   */
  int limit() {
    Long limit = number("limit");
    if (limit != null && (limit < 1 || limit > MappingLimits.MAX_LIMIT)) {
      errors.add("limit", "must be between 1 and " + MappingLimits.MAX_LIMIT + ", not " + limit);
      return MappingLimits.DEFAULT_LIMIT;
    }
    return limit == null ? MappingLimits.DEFAULT_LIMIT : limit.intValue();
  }

  long offset() {
    Long offset = number("offset");
    if (offset != null && offset < 0) {
      errors.add("offset", "must not be negative");
      return 0;
    }
    return offset == null ? 0 : offset;
  }

  private @Nullable Long number(String name) {
    String text = single(name);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      errors.add(name, "'" + text + "' is not a whole number");
      return null;
    }
  }
}
