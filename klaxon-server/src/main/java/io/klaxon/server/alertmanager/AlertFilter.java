package io.klaxon.server.alertmanager;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /api/v2/alerts}: label matchers, the state flags and a receiver regex.
 * {@code active} shows alerts nothing suppresses, {@code silenced} those a silence matches and
 * acknowledged ones (Klaxon's way of silencing one alert), {@code inhibited} inhibited ones, {@code
 * muted} those in a maintenance window's occurrence (Alertmanager's time intervals, which it
 * filters on its groups only); {@code unprocessed} is accepted and changes nothing, since Klaxon
 * does not delay an alert.
 */
record AlertFilter(
    List<LabelMatcher> matchers,
    boolean active,
    boolean silenced,
    boolean inhibited,
    boolean muted,
    @Nullable Pattern receiver) {

  /**
   * Reads the query parameters; unknown ones are ignored, as Alertmanager does.
   *
   * @throws AlertmanagerError with Alertmanager's message for a bad flag, matcher or regex
   */
  static AlertFilter parse(MultiValueMap<String, String> params) {
    List<LabelMatcher> matchers = new ArrayList<>();
    for (String text : params.getOrDefault("filter", List.of())) {
      try {
        matchers.add(LabelMatcher.parse(text));
      } catch (LabelMatcher.Malformed e) {
        throw AlertmanagerError.badRequest(e.getMessage());
      }
    }
    flag(params, "unprocessed"); // checked, as Alertmanager does, but nothing is unprocessed
    return new AlertFilter(
        matchers,
        flag(params, "active"),
        flag(params, "silenced"),
        flag(params, "inhibited"),
        flag(params, "muted"),
        receiver(params));
  }

  /** Equality matchers that the store can apply, as attribute filters. */
  Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (LabelMatcher matcher : matchers) {
      // An empty value also matches a missing label, which an attribute filter would not.
      if (matcher.operator() == LabelMatcher.Operator.EQUAL && !matcher.value().isEmpty()) {
        attributes.putIfAbsent(AlertAttributes.LABEL + matcher.name(), matcher.value());
      }
    }
    return attributes;
  }

  /**
   * Whether the list shows the alert.
   *
   * @throws LabelMatcher.TooSlow when a regular expression runs past {@code deadline}
   */
  boolean shows(
      Alert alert,
      Map<String, String> labels,
      List<String> silencedBy,
      List<String> inhibitedBy,
      List<String> mutedBy,
      String receiverName,
      long deadline) {
    boolean silencedNow = !silencedBy.isEmpty() || alert.status() == AlertStatus.ACKNOWLEDGED;
    if (!active && !silencedNow && inhibitedBy.isEmpty() && mutedBy.isEmpty()) {
      return false;
    }
    if (!muted && !mutedBy.isEmpty()) {
      return false;
    }
    if (!silenced && silencedNow) {
      return false;
    }
    if (!inhibited && !inhibitedBy.isEmpty()) {
      return false;
    }
    if (receiver != null && !receiver.matcher(receiverName).matches()) {
      return false;
    }
    for (LabelMatcher matcher : matchers) {
      if (!matcher.matches(labels, deadline)) {
        return false;
      }
    }
    return true;
  }

  /** Go's strconv.ParseBool, which go-swagger uses; absent means true. */
  static boolean flag(MultiValueMap<String, String> params, String name) {
    String text = params.getFirst(name);
    if (text == null || text.isEmpty()) {
      return true;
    }
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default ->
          throw AlertmanagerError.malformed(
              name.toLowerCase(Locale.ROOT) + " in query must be of type bool: \"" + text + "\"");
    };
  }

  private static @Nullable Pattern receiver(MultiValueMap<String, String> params) {
    String text = params.getFirst("receiver");
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile("(?:" + text + ")");
    } catch (PatternSyntaxException e) {
      throw AlertmanagerError.badRequest(
          "failed to parse receiver param: error parsing regexp: " + e.getDescription());
    }
  }
}
