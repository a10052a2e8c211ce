package io.klaxon.notify;

import java.util.List;

/**
 * One change to the notification configuration; several apply together ({@link
 * NotificationStore#apply}).
 */
public sealed interface ConfigChange {

  /** Adds or replaces a document; a new one goes last. */
  record Put(ConfigKind kind, String name, String json) implements ConfigChange {}

  /** Removes a document, if there is one. */
  record Delete(ConfigKind kind, String name) implements ConfigChange {}

  /** Puts the named documents first, in this order; the others keep their order after them. */
  record Order(ConfigKind kind, List<String> names) implements ConfigChange {
    public Order {
      names = List.copyOf(names);
    }
  }
}
