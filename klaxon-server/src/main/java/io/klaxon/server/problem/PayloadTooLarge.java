package io.klaxon.server.problem;

import java.util.Objects;

/** A request body larger than Klaxon takes: answered with 413. */
public final class PayloadTooLarge extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLarge(String message) {
    super(message);
  }

  /** What was too large, and the limit: it is made with a message. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }
}
