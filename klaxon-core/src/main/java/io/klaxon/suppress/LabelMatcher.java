package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher, as Alertmanager has them: a label name, a {@link MatchType} and a value. A
 * label the alert lacks matches as the empty string; a regular expression is anchored, so it must
 * match the whole value.
 */
public final class LabelMatcher {

  private static final Pattern CLASSIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private final String name;
  private final MatchType type;
  private final String value;
  private final Pattern pattern;

  private LabelMatcher(String name, MatchType type, String value, Pattern pattern) {
    this.name = name;
    this.type = type;
    this.value = value;
    this.pattern = pattern;
  }

  /**
   * A matcher; {@code field} names the input in the refusal.
   *
   * @throws InvalidInput for an empty name or a regular expression that does not compile
   */
  public static LabelMatcher of(String field, String name, MatchType type, String value) {
    if (name.isBlank()) {
      throw new InvalidInput(field, "a matcher needs a label name");
    }
    Pattern pattern = null;
    if (type.isRegex()) {
      try {
        pattern = Pattern.compile("(?:" + value + ")", Pattern.DOTALL);
      } catch (PatternSyntaxException e) {
        throw new InvalidInput(
            field, "'" + value + "' is not a regular expression: " + e.getDescription());
      }
    }
    return new LabelMatcher(name, type, value, pattern == null ? Pattern.compile("") : pattern);
  }

  public String name() {
    return name;
  }

  public MatchType type() {
    return type;
  }

  public String value() {
    return value;
  }

  /** Whether a label set passes this matcher; a missing label reads as the empty string. */
  public boolean matches(Map<String, String> labels) {
    return matchesValue(labels.getOrDefault(name, ""));
  }

  /** Whether a value, the empty string included, passes this matcher. */
  public boolean matchesValue(String actual) {
    return switch (type) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern.matcher(actual).matches();
      case NOT_REGEX -> !pattern.matcher(actual).matches();
    };
  }

  /** The matcher as Alertmanager writes it: {@code name=~"value"}, quotes escaped. */
  @Override
  public String toString() {
    String label = CLASSIC_NAME.matcher(name).matches() ? name : quote(name);
    return label + type.operator() + quote(value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabelMatcher that
        && name.equals(that.name)
        && type == that.type
        && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }
}
