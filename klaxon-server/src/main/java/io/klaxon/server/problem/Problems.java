package io.klaxon.server.problem;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The one place where Klaxon's refusals become HTTP statuses and readable reasons. */
public final class Problems {

  private Problems() {}

  public static HttpStatus statusOf(KlaxonException refusal) {
    return switch (refusal) {
      case NotFound ignored -> HttpStatus.NOT_FOUND;
      case TransitionRefused ignored -> HttpStatus.CONFLICT;
      case Conflict ignored -> HttpStatus.CONFLICT;
      case InvalidInput ignored -> HttpStatus.BAD_REQUEST;
      case Unavailable ignored -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /** Where in the JSON body a binding error is, as {@code subject.key} or {@code [2].value}. */
  public static String jsonPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** Why a body could not be bound, in words for the producer rather than Jackson's internals. */
  public static String jsonReason(JacksonException e) {
    return switch (e) {
      case UnrecognizedPropertyException unknown ->
          "unknown field '" + unknown.getPropertyName() + "'";
      case InvalidFormatException format ->
          "'" + format.getValue() + "' is not a valid " + typeName(format.getTargetType());
      case MismatchedInputException mismatch ->
          "wrong type: expected " + typeName(mismatch.getTargetType());
      case StreamReadException ignored -> "malformed JSON: " + e.getOriginalMessage();
      default -> e.getOriginalMessage();
    };
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean (true or false)";
    }
    if (type == java.time.Instant.class) {
      return "ISO-8601 UTC time such as 2026-01-31T18:00:00Z";
    }
    if (type == String.class) {
      return "string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "array";
    }
    return "object";
  }
}
