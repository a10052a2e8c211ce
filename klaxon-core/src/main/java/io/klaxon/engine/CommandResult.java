package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.problem.KlaxonException;
import org.jspecify.annotations.Nullable;

/**
 * The result of one command: what happened, and the alert as it stands after it (null when no alert
 * was involved), or why it was refused.
 */
public record CommandResult(
    Outcome outcome, @Nullable Alert alert, @Nullable KlaxonException refusal) {

  static CommandResult of(Outcome outcome, @Nullable Alert alert) {
    return new CommandResult(outcome, alert, null);
  }

  static CommandResult refused(KlaxonException reason) {
    return new CommandResult(Outcome.REFUSED, null, reason);
  }

  public boolean isRefused() {
    return refusal != null;
  }

  /**
   * The alert, for callers that sent one command and want an exception instead of a refusal.
   *
   * @throws KlaxonException the refusal, if the command was refused
   */
  public @Nullable Alert alertOrThrow() {
    if (refusal != null) {
      throw refusal;
    }
    return alert;
  }
}
