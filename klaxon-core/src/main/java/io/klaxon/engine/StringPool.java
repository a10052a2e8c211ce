package io.klaxon.engine;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Equal strings kept once: a string offered by two different objects (two alerts' {@code
 * labels.job}, their {@code node}) is shared from its second sighting on, while a string seen only
 * once (a host name, a timestamp) is not kept beyond a bounded "seen once" table. Both tables are
 * emptied when full, so the pool never holds more than {@code 2 × capacity} strings, and strings
 * shared before stay shared. Not thread-safe: the engine's writer owns it.
 */
final class StringPool {

  /** Longer strings are rarely repeated and costly to hash: they are not pooled. */
  static final int LONGEST = 96;

  private final int capacity;
  private final Map<String, String> shared;
  private final Map<String, String> seenOnce;

  StringPool(int capacity) {
    this.capacity = capacity;
    this.shared = HashMap.newHashMap(capacity);
    this.seenOnce = HashMap.newHashMap(capacity);
  }

  /** The pool's instance equal to {@code text}, or {@code text} itself while it is not shared. */
  String share(String text) {
    if (text.length() > LONGEST) {
      return text;
    }
    String kept = shared.get(text);
    if (kept != null) {
      return kept;
    }
    String first = seenOnce.get(text);
    if (first == null) {
      remember(seenOnce, text);
      return text;
    }
    seenOnce.remove(text);
    remember(shared, first);
    return first;
  }

  /** As {@link #share(String)}, null for null. */
  @Nullable String shareNullable(@Nullable String text) {
    return text == null ? null : share(text);
  }

  int size() {
    return shared.size() + seenOnce.size();
  }

  private void remember(Map<String, String> table, String text) {
    if (table.size() >= capacity) {
      table.clear();
    }
    table.put(text, text);
  }
}
