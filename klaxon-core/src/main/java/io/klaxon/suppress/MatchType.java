package io.klaxon.suppress;

/** How a {@link LabelMatcher} compares a label's value, with Alertmanager's operators. */
public enum MatchType {
  EQUAL("="),
  NOT_EQUAL("!="),
  REGEX("=~"),
  NOT_REGEX("!~");

  private final String operator;

  MatchType(String operator) {
    this.operator = operator;
  }

  /** The operator as written in a matcher: {@code =}, {@code !=}, {@code =~} or {@code !~}. */
  public String operator() {
    return operator;
  }

  /** Whether the value is a regular expression. */
  public boolean isRegex() {
    return this == REGEX || this == NOT_REGEX;
  }

  /** Whether the matcher asks for a match ({@code =}, {@code =~}) rather than its absence. */
  public boolean isEqual() {
    return this == EQUAL || this == REGEX;
  }

  /** The type with Alertmanager's API flags {@code isRegex} and {@code isEqual}. */
  public static MatchType of(boolean regex, boolean equal) {
    if (regex) {
      return equal ? REGEX : NOT_REGEX;
    }
    return equal ? EQUAL : NOT_EQUAL;
  }
}
