package io.klaxon.detect.hosts;

import io.klaxon.problem.InvalidInput;
import java.util.Locale;

/** What a heartbeat says of one service. */
public enum ServiceStatus {
  UP,
  DOWN;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a status from {@code up} or {@code down}, case-insensitively.
   *
   * @throws InvalidInput naming {@code field} for any other word
   */
  public static ServiceStatus parse(String field, String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "up" -> UP;
      case "down" -> DOWN;
      default ->
          throw new InvalidInput(field, "unknown service status '" + text + "': use up or down");
    };
  }
}
