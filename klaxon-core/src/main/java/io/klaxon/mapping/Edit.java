package io.klaxon.mapping;

import io.klaxon.access.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Who changes the registry and why: recorded in the audit entry of every change.
 *
 * @param actor a user, an API key, or a program such as the importer
 * @param reason free text; null when none was given
 */
public record Edit(Actor actor, @Nullable String reason) {

  /**
   * @throws io.klaxon.problem.InvalidInput naming {@code actor} or {@code reason}
   */
  public Edit {
    Checks checks = new Checks();
    if (actor == null) {
      checks.add("actor", "is required and must not be blank");
    }
    reason = checks.optional("reason", reason, MappingLimits.TEXT);
    checks.throwIfAny();
  }

  /** The same actor, with this reason when none was given. */
  Edit orReason(String fallback) {
    return reason == null ? new Edit(actor, fallback) : this;
  }
}
