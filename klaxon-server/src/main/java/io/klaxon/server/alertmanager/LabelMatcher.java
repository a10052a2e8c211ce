package io.klaxon.server.alertmanager;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One {@code filter} matcher of Alertmanager's API: a label name, {@code =}, {@code !=}, {@code =~}
 * or {@code !~}, and a value that may be double-quoted, as amtool sends them ({@code
 * alertname="Disk"}, {@code severity=~"high|critical"}). A label the alert lacks matches as the
 * empty string; a regular expression must match the whole value, as in Alertmanager.
 */
record LabelMatcher(String name, Operator operator, String value, @Nullable Pattern pattern) {

  /** How the value is compared. */
  enum Operator {
    EQUAL,
    NOT_EQUAL,
    REGEX,
    NOT_REGEX
  }

  /** A matcher that Klaxon cannot read; the message is the one Alertmanager gives. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }

    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage()); // made with one, above
    }
  }

  /** A regular expression that ran past its time: Java's engine backtracks, Go's does not. */
  static final class TooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooSlow() {
      super("a regular expression took too long to match; simplify the filter");
    }
  }

  // Alertmanager's classic label names, or (as its UTF-8 parser allows) a quoted name.
  private static final Pattern MATCHER =
      Pattern.compile(
          "\\s*([a-zA-Z_:][a-zA-Z0-9_:]*|\"(?:[^\"\\\\]|\\\\.)*\")\\s*(=~|=|!=|!~)\\s*(.*?)\\s*",
          Pattern.DOTALL);

  /**
   * Reads one matcher.
   *
   * @throws Malformed with Alertmanager's message for a matcher it would refuse
   */
  static LabelMatcher parse(String text) {
    if (text.startsWith("{") || text.endsWith("}")) {
      throw new Malformed("unexpected open or close brace: " + text);
    }
    Matcher parts = MATCHER.matcher(text);
    if (!parts.matches()) {
      throw new Malformed("bad matcher format: " + text);
    }
    String rawName = parts.group(1);
    String name =
        rawName.startsWith("\"") ? unescape(rawName.substring(1), rawName, true) : rawName;
    Operator operator =
        switch (parts.group(2)) {
          case "=" -> Operator.EQUAL;
          case "!=" -> Operator.NOT_EQUAL;
          case "=~" -> Operator.REGEX;
          default -> Operator.NOT_REGEX;
        };
    String raw = parts.group(3);
    boolean quoted = raw.startsWith("\"");
    String value = unescape(quoted ? raw.substring(1) : raw, raw, quoted);
    Pattern pattern = null;
    if (operator == Operator.REGEX || operator == Operator.NOT_REGEX) {
      try {
        pattern = Pattern.compile("(?:" + value + ")");
      } catch (PatternSyntaxException e) {
        throw new Malformed("error parsing regexp: " + e.getDescription() + ": `" + value + "`");
      }
    }
    return new LabelMatcher(name, operator, value, pattern);
  }

  /**
   * Whether the alert's labels pass this matcher.
   *
   * @param deadline {@link System#nanoTime()} past which a regular expression gives up
   * @throws TooSlow when a regular expression ran past the deadline
   */
  boolean matches(Map<String, String> labels, long deadline) {
    String actual = labels.getOrDefault(name, "");
    return switch (operator) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> fullMatch(actual, deadline);
      case NOT_REGEX -> !fullMatch(actual, deadline);
    };
  }

  private boolean fullMatch(String actual, long deadline) {
    if (pattern == null) {
      throw new IllegalStateException("a regex matcher always has its pattern");
    }
    return pattern.matcher(new Deadline(actual, deadline)).matches();
  }

  /**
   * OpenMetrics unescaping as Alertmanager's parser does it: {@code \"}, {@code \\}, {@code \n};
   * any other backslash stays; an unescaped quote may only close a quoted value.
   */
  private static String unescape(String raw, String original, boolean quoted) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean closed = !quoted;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i < raw.length() - 1) {
        char next = raw.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case '"', '\\' -> out.append(next);
          default -> out.append('\\').append(next);
        }
      } else if (c == '"') {
        if (closed || i < raw.length() - 1) {
          throw new Malformed("matcher value contains unescaped double quote: " + original);
        }
        closed = true;
      } else {
        out.append(c);
      }
    }
    if (!closed) {
      throw new Malformed("matcher value contains unescaped double quote: " + original);
    }
    return out.toString();
  }

  /** The text a regular expression reads, looking at the clock every thousand characters read. */
  private static final class Deadline implements CharSequence {
    private final String text;
    private final long deadline;
    private int reads;

    Deadline(String text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if (++reads % 1024 == 0 && System.nanoTime() > deadline) {
        throw new TooSlow();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
