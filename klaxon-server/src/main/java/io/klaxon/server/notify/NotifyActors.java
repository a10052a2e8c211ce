package io.klaxon.server.notify;

import org.jspecify.annotations.Nullable;

/** Who changes the notification configuration: the actor header, else {@code api}. */
final class NotifyActors {

  static final int MAX_LENGTH = 255;

  private NotifyActors() {}

  static String of(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return "api";
    }
    String actor = header.strip();
    if (actor.length() > MAX_LENGTH) {
      throw new io.klaxon.problem.InvalidInput(
          ReceiverController.ACTOR_HEADER, "must be at most " + MAX_LENGTH + " characters");
    }
    return actor;
  }
}
