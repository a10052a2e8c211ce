package io.klaxon.server.alert;

import io.klaxon.engine.AlertCommand;
import io.klaxon.problem.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Who a request acts as, for the alert history: the actor header, else {@code api}. */
final class Actors {

  static final String DEFAULT = "api";

  private Actors() {}

  static String of(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT;
    }
    if (header.length() > AlertCommand.Limits.KEY) {
      throw new InvalidInput(
          AlertController.ACTOR_HEADER,
          "must be at most " + AlertCommand.Limits.KEY + " characters");
    }
    return header.trim();
  }
}
