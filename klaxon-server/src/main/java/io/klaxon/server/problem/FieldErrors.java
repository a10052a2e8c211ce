package io.klaxon.server.problem;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Collects every fault of a request, so that one answer names them all. */
public final class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  /** Runs a core check or constructor; its refusals are recorded under {@code prefix}. */
  public <T> @Nullable T attempt(String prefix, Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidInput e) {
      for (FieldError error : e.errors()) {
        add(prefix + error.field(), error.reason());
      }
      return null;
    }
  }

  /** Binds one JSON item; a binding fault is recorded at its path under {@code prefix}. */
  public <T> @Nullable T read(ObjectMapper json, JsonNode item, Class<T> type, String prefix) {
    if (!item.isObject()) {
      add(
          prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
          "must be an object");
      return null;
    }
    try {
      return json.treeToValue(item, type);
    } catch (JacksonException e) {
      add(prefix + Problems.jsonPath(e), Problems.jsonReason(e));
      return null;
    }
  }

  /**
   * Binds a whole request body to {@code type}.
   *
   * @throws InvalidInput when the body is not an object or a field does not bind
   */
  public static <T> T readBody(ObjectMapper json, JsonNode body, Class<T> type) {
    FieldErrors errors = new FieldErrors();
    T read = errors.read(json, body, type, "");
    errors.throwIfAny();
    return Objects.requireNonNull(read);
  }

  /** Records {@code field} as required when {@code value} is null or blank; true when present. */
  public boolean require(String field, @Nullable Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      add(field, "is required");
      return false;
    }
    return true;
  }

  public int size() {
    return errors.size();
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * Throws what was recorded, if anything.
   *
   * @throws InvalidInput when anything was recorded
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
