package io.klaxon.server.problem;

/** A request body larger than Klaxon takes: answered with 413. */
public final class PayloadTooLarge extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLarge(String message) {
    super(message);
  }
}
