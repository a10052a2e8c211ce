package io.klaxon.problem;

import java.util.Objects;

/** The few ways a Klaxon operation can be refused; each maps to one HTTP status at the edge. */
public abstract sealed class KlaxonException extends RuntimeException
    permits NotFound, TransitionRefused, InvalidInput, Unavailable, Conflict {

  private static final long serialVersionUID = 1L;

  protected KlaxonException(String message) {
    super(message);
  }

  protected KlaxonException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Why it was refused: every refusal is made with a message. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }
}
