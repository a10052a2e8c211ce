package io.klaxon.server.problem;

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
public final class QueryParams {

  /** The page size when none is asked for, and the largest one allowed, for every list. */
  public static final int DEFAULT_LIMIT = 50;

  public static final int MAX_LIMIT = 1000;

  private final MultiValueMap<String, String> params;
  private final FieldErrors errors;

  /**
   * @param known the parameter names this request takes; others are refused
   * @param knownPrefixes prefixes of names it also takes (such as {@code attr.})
   */
  public QueryParams(
      MultiValueMap<String, String> params,
      FieldErrors errors,
      List<String> known,
      String... knownPrefixes) {
    this.params = params;
    this.errors = errors;
    for (String name : params.keySet()) {
      boolean prefixed = false;
      for (String prefix : knownPrefixes) {
        prefixed |= name.startsWith(prefix);
      }
      if (!known.contains(name) && !prefixed) {
        List<String> all = new java.util.ArrayList<>(known);
        for (String prefix : knownPrefixes) {
          all.add(prefix + "NAME");
        }
        errors.add(
            name,
            "unknown parameter"
                + (all.isEmpty() ? ": this takes none" : "; known: " + String.join(", ", all)));
      }
    }
  }

  public @Nullable String single(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      errors.add(name, "give at most one value");
      return null;
    }
    return values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst().strip();
  }

  /** Every value of a multi-value parameter, parsed; the parser's refusals are recorded. */
  public <T> Set<T> words(String name, Function<String, T> parser) {
    Set<T> values = new LinkedHashSet<>();
    for (String raw : params.getOrDefault(name, List.of())) {
      for (String part : raw.split(",", -1)) {
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

  public @Nullable Boolean bool(String name) {
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

  public @Nullable Instant time(String name) {
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

  /** {@code limit}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
  public int limit() {
    Long limit = number("limit");
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      errors.add("limit", "must be between 1 and " + MAX_LIMIT + ", not " + limit);
      return DEFAULT_LIMIT;
    }
    return limit == null ? DEFAULT_LIMIT : limit.intValue();
  }

  public long offset() {
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
