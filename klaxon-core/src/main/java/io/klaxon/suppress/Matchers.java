package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads matchers in Alertmanager's syntax: {@code {alertname="Disk",severity=~"high|critical"}},
 * the braces optional, values quoted (with {@code \"}, {@code \\} and {@code \n} escapes) or, in
 * the legacy form, unquoted up to the next comma ({@code alertname=Disk,job!=node}). Label names
 * may be quoted too, as Alertmanager's UTF-8 parser allows.
 */
public final class Matchers {

  private final String field;
  private final String text;
  private int at;

  private Matchers(String field, String text) {
    this.field = field;
    this.text = text;
  }

  /**
   * Every matcher in the text, in order; an empty text or {@code {}} gives none.
   *
   * @param field names the input in a refusal
   * @throws InvalidInput naming the field and what is wrong where
   */
  public static List<LabelMatcher> parse(String field, String text) {
    String body = text.strip();
    if (body.startsWith("{") != body.endsWith("}") || (body.equals("{") || body.equals("}"))) {
      throw new InvalidInput(field, "unbalanced braces in '" + text + "'");
    }
    if (body.startsWith("{")) {
      body = body.substring(1, body.length() - 1);
    }
    return new Matchers(field, body).all();
  }

  /** Whether every matcher passes the label set; no matchers pass every set. */
  public static boolean all(List<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  private List<LabelMatcher> all() {
    List<LabelMatcher> found = new ArrayList<>();
    skipSpace();
    while (at < text.length()) {
      found.add(one());
      skipSpace();
      if (at < text.length()) {
        if (text.charAt(at) != ',') {
          throw refuse("expected ',' after a matcher");
        }
        at++;
        skipSpace();
      }
    }
    return found;
  }

  private LabelMatcher one() {
    String name = peek() == '"' ? quoted() : bare(true);
    if (name.isEmpty()) {
      throw refuse("expected a label name");
    }
    skipSpace();
    MatchType type = operator();
    skipSpace();
    String value = peek() == '"' ? quoted() : bare(false);
    return LabelMatcher.of(field, name, type, value);
  }

  private MatchType operator() {
    String rest = text.substring(at);
    for (MatchType type : List.of(MatchType.REGEX, MatchType.NOT_EQUAL, MatchType.NOT_REGEX)) {
      if (rest.startsWith(type.operator())) {
        at += 2;
        return type;
      }
    }
    if (rest.startsWith("=")) {
      at++;
      return MatchType.EQUAL;
    }
    throw refuse("expected one of =, !=, =~, !~");
  }

  /** A label name (up to an operator or a space) or an unquoted value (up to a comma). */
  private String bare(boolean name) {
    int start = at;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (name ? (c == '=' || c == '!' || c == '~' || Character.isWhitespace(c)) : c == ',') {
        break;
      }
      if (!name && c == '"') {
        throw refuse("unexpected double quote in an unquoted value");
      }
      at++;
    }
    return text.substring(start, at).strip();
  }

  private String quoted() {
    StringBuilder out = new StringBuilder();
    at++; // the opening quote
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && at < text.length()) {
        char next = text.charAt(at++);
        switch (next) {
          case 'n' -> out.append('\n');
          case '"', '\\' -> out.append(next);
          default -> out.append('\\').append(next);
        }
      } else {
        out.append(c);
      }
    }
    throw refuse("a quoted string is not closed");
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private InvalidInput refuse(String reason) {
    return new InvalidInput(field, reason + " at position " + at + " of '" + text + "'");
  }
}
