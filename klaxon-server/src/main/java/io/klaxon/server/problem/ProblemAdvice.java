package io.klaxon.server.problem;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/** Turns every refusal into an RFC 9457 problem: status, title, detail, and each bad field. */
@RestControllerAdvice
class ProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  static final String RETRY_AFTER_SECONDS = "1";

  @ExceptionHandler(KlaxonException.class)
  ResponseEntity<ProblemDetail> refused(KlaxonException e) {
    HttpStatus status = Problems.statusOf(e);
    ProblemDetail problem = problem(status, e.getMessage());
    switch (e) {
      case InvalidInput invalid -> problem.setProperty("errors", invalid.errors());
      case TransitionRefused refused -> {
        problem.setProperty("alertId", refused.alertId());
        problem.setProperty("currentStatus", refused.currentStatus());
      }
      case Conflict conflict -> problem.setProperty("field", conflict.field());
      case Unavailable unavailable -> {
        log.warn("Unavailable: {}", unavailable.getMessage(), unavailable.getCause());
        return ResponseEntity.status(status)
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(problem);
      }
      default -> {}
    }
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLarge tooLarge) {
        return tooLarge(tooLarge);
      }
      if (cause instanceof JacksonException json) {
        String field = Problems.jsonPath(json);
        return invalid(field, Problems.jsonReason(json));
      }
    }
    return invalid("body", "is missing or not readable JSON");
  }

  @ExceptionHandler(PayloadTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLarge e) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    return invalid(
        e.getName(), "'" + e.getValue() + "' is not a valid " + simpleType(e.getRequiredType()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return invalid(e.getParameterName(), "is required");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(
            problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send JSON with Content-Type: application/json"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problem(HttpStatus.NOT_FOUND, "no such resource: /" + e.getResourcePath()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error; it has been logged"));
  }

  private static ResponseEntity<ProblemDetail> invalid(String field, String reason) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, field + ": " + reason);
    problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
    return ResponseEntity.badRequest().body(problem);
  }

  private static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  private static String simpleType(@Nullable Class<?> type) {
    return type == null
        ? "value"
        : (Number.class.isAssignableFrom(type) || type == long.class || type == int.class)
            ? "number"
            : type.getSimpleName();
  }
}
