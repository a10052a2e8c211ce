package io.klaxon.mapping;

import org.jspecify.annotations.Nullable;

/**
 * A change of an unmapped market's triage.
 *
 * @param status the new status; null keeps it
 * @param notes the new notes; null keeps them, empty text clears them
 */
public record UnmappedPatch(@Nullable UnmappedStatus status, @Nullable String notes) {

  /**
   * @throws io.klaxon.problem.InvalidInput when it changes nothing or the notes are too long
   */
  public UnmappedPatch {
    Checks checks = new Checks();
    if (status == null && notes == null) {
      checks.add("status", "give a status, notes, or both");
    }
    if (notes != null) {
      notes = notes.strip();
      if (notes.length() > MappingLimits.TEXT) {
        checks.add("notes", "must be at most " + MappingLimits.TEXT + " characters");
      }
    }
    checks.throwIfAny();
  }
}
