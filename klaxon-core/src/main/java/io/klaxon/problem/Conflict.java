package io.klaxon.problem;

/** A change that clashes with what exists (a key already taken); it names the clash. */
public final class Conflict extends KlaxonException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the input field whose value clashes, e.g. {@code canonicalId}
   * @param message what it clashes with, in words for the caller
   */
  public Conflict(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
