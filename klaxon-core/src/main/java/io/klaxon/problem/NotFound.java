package io.klaxon.problem;

/** A thing looked up by its identity does not exist. */
public final class NotFound extends KlaxonException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  public NotFound(String kind, Object id) {
    super(kind + " " + id + " does not exist");
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
