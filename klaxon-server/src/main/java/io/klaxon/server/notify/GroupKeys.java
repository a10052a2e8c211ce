package io.klaxon.server.notify;

import io.klaxon.notify.Route;
import io.klaxon.notify.Routing;
import io.klaxon.suppress.LabelMatcher;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Alertmanager's group key of a route and a label set, {@code {}/{team="db"}:{alertname="Up"}}: the
 * matchers of each route from the top down, then the group labels; written as Alertmanager writes
 * them (dispatch {@code aggrGroup.GroupKey}), so that the route test can be compared with it.
 */
final class GroupKeys {

  private GroupKeys() {}

  static String of(List<Route> routes, Route route, Map<String, String> groupLabels) {
    StringJoiner path = new StringJoiner("/");
    for (Route step : Routing.path(routes, route)) {
      StringJoiner matchers = new StringJoiner(",", "{", "}");
      for (LabelMatcher matcher : step.match().labels()) {
        matchers.add(matcher(matcher));
      }
      path.add(matchers.toString());
    }
    StringJoiner labels = new StringJoiner(", ", "{", "}");
    groupLabels.forEach((name, value) -> labels.add(name + "=" + goQuote(value)));
    return path + ":" + labels;
  }

  /** A matcher as Alertmanager's {@code Matcher.String} writes it. */
  static String matcher(LabelMatcher matcher) {
    String operator = matcher.type().operator();
    if (matcher.name().codePoints().anyMatch(GroupKeys::reserved)) {
      return goQuote(matcher.name()) + operator + goQuote(matcher.value());
    }
    String value = matcher.value().replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
    return matcher.name() + operator + "\"" + value + "\"";
  }

  private static boolean reserved(int c) {
    return Character.isWhitespace(c) || "{}!=~,\\\"'`".indexOf(c) >= 0;
  }

  /** Text quoted as Go's {@code %q} quotes it (printable characters kept). */
  static String goQuote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
