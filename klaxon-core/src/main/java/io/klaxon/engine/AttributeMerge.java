package io.klaxon.engine;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a re-trigger's attributes meet those of the active alert, decided by the engine as it applies
 * the trigger rather than by a producer that read the alert first (in cluster mode what it reads
 * may be behind the commands still on their way to the owner). Of the attributes the trigger
 * brings, each one named in {@code keepFirst} keeps the alert's value, and each one named in {@code
 * keepEarliest} keeps the earlier of the two instants (ISO-8601 text); every other attribute is the
 * trigger's, as without a merge.
 */
public record AttributeMerge(Set<String> keepFirst, Set<String> keepEarliest) {

  /** The trigger's attributes replace the alert's. */
  public static final AttributeMerge NONE = new AttributeMerge(Set.of(), Set.of());

  public AttributeMerge {
    keepFirst = Set.copyOf(keepFirst);
    keepEarliest = Set.copyOf(keepEarliest);
    for (String name : keepFirst) {
      AlertCommand.Limits.requireText("merge.keepFirst", name, AlertCommand.Limits.KEY);
    }
    for (String name : keepEarliest) {
      AlertCommand.Limits.requireText("merge.keepEarliest", name, AlertCommand.Limits.KEY);
      if (keepFirst.contains(name)) {
        throw new InvalidInput("merge", name + " is kept first and earliest at once");
      }
    }
  }

  public boolean isEmpty() {
    return keepFirst.isEmpty() && keepEarliest.isEmpty();
  }

  /**
   * The attributes a re-trigger leaves on the alert: {@code held} itself when the merge comes to
   * them (the common case of a re-send, which then allocates nothing), {@code offered} itself when
   * it keeps none of the alert's values.
   */
  Map<String, Object> onto(Map<String, Object> held, Map<String, Object> offered) {
    if (offered.size() == held.size() && comesTo(held, offered)) {
      return held;
    }
    @Nullable Map<String, Object> merged = null;
    for (String name : keepFirst) {
      Object mine = held.get(name);
      Object theirs = offered.get(name);
      if (mine != null && theirs != null && !mine.equals(theirs)) {
        merged = put(merged, offered, name, mine);
      }
    }
    for (String name : keepEarliest) {
      Object mine = held.get(name);
      Object theirs = offered.get(name);
      if (mine != null && theirs != null && !mine.equals(theirs) && earlier(mine, theirs)) {
        merged = put(merged, offered, name, mine);
      }
    }
    return merged == null ? offered : Map.copyOf(merged);
  }

  /** Whether merging {@code offered} leaves every one of its attributes as {@code held} has it. */
  private boolean comesTo(Map<String, Object> held, Map<String, Object> offered) {
    for (Map.Entry<String, Object> attribute : offered.entrySet()) {
      String name = attribute.getKey();
      Object mine = held.get(name);
      if (mine == null) {
        return false;
      }
      if (!mine.equals(attribute.getValue())
          && !keepFirst.contains(name)
          && !(keepEarliest.contains(name) && earlier(mine, attribute.getValue()))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> put(
      @Nullable Map<String, Object> merged,
      Map<String, Object> offered,
      String name,
      Object value) {
    Map<String, Object> into = merged == null ? new HashMap<>(offered) : merged;
    into.put(name, value);
    return into;
  }

  /** Whether {@code mine} is an instant before {@code theirs}; an unreadable one never is. */
  private static boolean earlier(Object mine, Object theirs) {
    if (!(mine instanceof String held) || !(theirs instanceof String offered)) {
      return false;
    }
    try {
      return Instant.parse(held).isBefore(Instant.parse(offered));
    } catch (DateTimeParseException notAnInstant) {
      return false;
    }
  }
}
