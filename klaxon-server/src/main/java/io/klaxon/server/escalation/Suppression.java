package io.klaxon.server.escalation;

import io.klaxon.alert.Alert;
import java.lang.reflect.RecordComponent;

/**
 * Whether an alert is held back by a suppression (issue 16 adds {@code suppressed} to the alert).
 * Read by the record component's name so that escalation works before and after that field exists;
 * once it has landed, this can read {@code alert.suppressed()} directly.
 */
final class Suppression {

  private Suppression() {}

  /**
   * True unless the alert says it is suppressed ({@code suppressed} true or a {@code
   * suppressedBy}).
   */
  static boolean notSuppressed(Alert alert) {
    for (RecordComponent component : Alert.class.getRecordComponents()) {
      Object value;
      try {
        value =
            switch (component.getName()) {
              case "suppressed", "suppressedBy" -> component.getAccessor().invoke(alert);
              default -> null;
            };
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (Boolean.TRUE.equals(value) || value instanceof String) {
        return false;
      }
    }
    return true;
  }
}
