package io.klaxon.server.mapping;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects every fault of a request, so that one answer names them all. (The alert API has its own,
 * package-private; the two packages share nothing but the core's {@link InvalidInput}.)
 */
final class Errors {

  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  /** Runs a core check or constructor; its refusals are recorded under {@code prefix}. */
  <T> @Nullable T attempt(String prefix, Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidInput e) {
      for (FieldError error : e.errors()) {
        add(prefix + error.field(), error.reason());
      }
      return null;
    }
  }

  /**
   * @throws InvalidInput when anything was recorded
   */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
