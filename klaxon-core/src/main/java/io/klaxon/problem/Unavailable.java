package io.klaxon.problem;

/** Klaxon cannot take the request now (store down, queue full); the caller may retry later. */
public final class Unavailable extends KlaxonException {

  private static final long serialVersionUID = 1L;

  public Unavailable(String message, Throwable cause) {
    super(message, cause);
  }

  public Unavailable(String message) {
    super(message);
  }
}
