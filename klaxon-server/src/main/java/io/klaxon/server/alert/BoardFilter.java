package io.klaxon.server.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alert board's filters as the URL keeps them: the alert API's own query parameters, plus
 * {@code range} (a preset look-back: 1h, 24h, 7d, 30d). Blank form fields are left out, and a
 * browser's {@code datetime-local} value is read as UTC.
 */
record BoardFilter(MultiValueMap<String, String> params) {

  static final Map<String, Duration> RANGES =
      Map.of(
          "1h", Duration.ofHours(1),
          "24h", Duration.ofHours(24),
          "7d", Duration.ofDays(7),
          "30d", Duration.ofDays(30));
  private static final Pattern LOCAL_MINUTE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
  private static final Pattern LOCAL_SECOND =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

  /** The filters of a request, blanks removed. */
  static BoardFilter of(MultiValueMap<String, String> raw) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    raw.forEach(
        (name, values) -> {
          for (String value : values) {
            if (value != null && !value.isBlank()) {
              params.add(name, value.strip());
            }
          }
        });
    return new BoardFilter(params);
  }

  /**
   * The parameters for the alert API's parser: {@code range} turned into {@code from}, local times
   * made UTC instants, console-only parameters left out.
   */
  MultiValueMap<String, String> apiParams(Instant now) {
    MultiValueMap<String, String> api = new LinkedMultiValueMap<>();
    params.forEach(
        (name, values) -> {
          switch (name) {
            case "range" -> {}
            case "from", "to" -> values.forEach(v -> api.add(name, utc(v)));
            default -> api.put(name, List.copyOf(values));
          }
        });
    String range = first("range");
    if (range != null && !params.containsKey("from")) {
      Duration back = RANGES.get(range);
      // An unknown preset is passed on so that the parser names it.
      if (back == null) {
        api.add("range", range);
      } else {
        api.add("from", now.minus(back).toString());
      }
    }
    return api;
  }

  private static String utc(String value) {
    if (LOCAL_MINUTE.matcher(value).matches()) {
      return value + ":00Z";
    }
    if (LOCAL_SECOND.matcher(value).matches()) {
      return value + "Z";
    }
    return value;
  }

  /** The first value of a parameter, or null. */
  public @Nullable String first(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** Whether a multi-value filter holds a word, given repeated or comma-separated. */
  public boolean has(String name, String word) {
    List<String> values = params.get(name);
    if (values == null) {
      return false;
    }
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (part.strip().equalsIgnoreCase(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** This board's URL with one parameter set (or removed, for null) and back on the first page. */
  public String with(String name, @Nullable String value) {
    MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
    next.remove("offset");
    next.remove(name);
    if (value != null) {
      next.add(name, value);
    }
    return url(next);
  }

  /** This board's URL at another offset. */
  public String page(long offset) {
    MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
    next.remove("offset");
    if (offset > 0) {
      next.add("offset", Long.toString(offset));
    }
    return url(next);
  }

  /** This board's URL as it is. */
  public String self() {
    return url(params);
  }

  private static String url(MultiValueMap<String, String> params) {
    return UriComponentsBuilder.fromPath("/").queryParams(params).encode().build().toUriString();
  }
}
