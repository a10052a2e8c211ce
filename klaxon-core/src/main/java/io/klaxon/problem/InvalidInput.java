package io.klaxon.problem;

import java.util.List;

/** Input that Klaxon cannot accept, with the field and the reason for every fault found. */
public final class InvalidInput extends KlaxonException {

  private static final long serialVersionUID = 1L;

  /** One fault: the field (a path such as {@code events[3].severity}) and why it is wrong. */
  public record FieldError(String field, String reason) {}

  private final transient List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(summary(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInput needs at least one field error");
    }
    this.errors = List.copyOf(errors);
  }

  public InvalidInput(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    StringBuilder text = new StringBuilder();
    for (FieldError error : errors) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(error.field()).append(": ").append(error.reason());
    }
    return text.toString();
  }
}
