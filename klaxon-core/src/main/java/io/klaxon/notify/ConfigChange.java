package io.klaxon.notify;

import io.klaxon.suppress.InhibitRule;
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

  /**
   * Adds or replaces an inhibition rule, marked with where it came from ({@code alertmanager} for
   * an import), so that an import's rules change together with its routes.
   */
  record PutInhibitRule(InhibitRule rule, String origin) implements ConfigChange {}

  /** Removes an inhibition rule, if there is one. */
  record DeleteInhibitRule(String name) implements ConfigChange {}

  /** Puts the named documents first, in this order; the others keep their order after them. */
  record Order(ConfigKind kind, List<String> names) implements ConfigChange {
    public Order {
      names = List.copyOf(names);
    }
  }
}
