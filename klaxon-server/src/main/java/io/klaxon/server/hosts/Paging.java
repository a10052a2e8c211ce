package io.klaxon.server.hosts;

import io.klaxon.server.problem.FieldErrors;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** A list's {@code limit} (1 to 1000, default 50) and {@code offset}; other parameters refused. */
record Paging(int limit, long offset) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  /**
   * @throws io.klaxon.problem.InvalidInput naming each bad or unknown parameter
   */
  static Paging parse(MultiValueMap<String, String> params) {
    FieldErrors faults = new FieldErrors();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      if (!param.getKey().equals("limit") && !param.getKey().equals("offset")) {
        faults.add(param.getKey(), "unknown parameter; known: limit, offset");
      } else if (param.getValue().size() != 1) {
        faults.add(param.getKey(), "give at most one value");
      }
    }
    long limit = number(params, "limit", DEFAULT_LIMIT, faults);
    long offset = number(params, "offset", 0, faults);
    if (limit < 1 || limit > MAX_LIMIT) {
      faults.add("limit", "must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    if (offset < 0) {
      faults.add("offset", "must not be negative");
    }
    faults.throwIfAny();
    return new Paging((int) limit, offset);
  }

  private static long number(
      MultiValueMap<String, String> params, String name, long fallback, FieldErrors faults) {
    String text = params.getFirst(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      faults.add(name, "'" + text + "' is not a whole number");
      return fallback;
    }
  }
}
