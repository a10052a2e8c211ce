package io.klaxon.server.mapping;

import io.klaxon.mapping.Edit;
import io.klaxon.mapping.MappingLimits;
import io.klaxon.server.problem.FieldErrors;
import org.jspecify.annotations.Nullable;

/** Who a request acts as, for the audit log: the actor header, else {@code api}. */
final class Actor {

  /** The same header as the alert API's. */
  static final String HEADER = "X-Klaxon-Actor";

  static final String DEFAULT = "api";

  private Actor() {}

  /**
   * The edit of a request: its actor and reason, every fault recorded in {@code errors}.
   *
   * @return null when the header or the reason is bad
   */
  static @Nullable Edit edit(@Nullable String header, @Nullable String reason, FieldErrors errors) {
    String actor = header == null || header.isBlank() ? DEFAULT : header.strip();
    if (actor.length() > MappingLimits.ACTOR) {
      errors.add(HEADER, "must be at most " + MappingLimits.ACTOR + " characters");
      return null;
    }
    return errors.attempt("", () -> new Edit(actor, reason));
  }
}
