package io.klaxon.server.alertmanager;

import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.PayloadTooLarge;
import io.klaxon.server.problem.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers refusals of the {@code /api/v2} endpoints as Alertmanager does, so that amtool and
 * Grafana show the message instead of failing to read a problem document. What is not handled here
 * (503 when the store is away, say) falls through to Klaxon's problem details.
 */
@RestControllerAdvice(
    assignableTypes = {
      AlertsV2Controller.class,
      StatusV2Controller.class,
      SilencesV2Controller.class
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertmanagerErrors {

  private final ObjectMapper json;

  AlertmanagerErrors(ObjectMapper json) {
    this.json = json;
  }

  @ExceptionHandler(AlertmanagerError.class)
  ResponseEntity<String> refused(AlertmanagerError e) {
    String message = e.getMessage() == null ? e.status().getReasonPhrase() : e.getMessage();
    if (e.schema()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("code", e.status().value());
      body.put("message", message);
      return answer(e.status(), body);
    }
    return answer(e.status(), message);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
    String reason = "the body is missing or not JSON";
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLarge tooLarge) {
        return tooLarge(tooLarge);
      }
      if (cause instanceof JacksonException jackson) {
        reason = Problems.jsonReason(jackson);
        break;
      }
    }
    return refused(AlertmanagerError.malformed(AlertmanagerError.PARSING + reason));
  }

  @ExceptionHandler(PayloadTooLarge.class)
  ResponseEntity<String> tooLarge(PayloadTooLarge e) {
    return answer(HttpStatus.CONTENT_TOO_LARGE, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(LabelMatcher.TooSlow.class)
  ResponseEntity<String> tooSlow(LabelMatcher.TooSlow e) {
    return answer(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<String> invalid(InvalidInput e) {
    return answer(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
  }

  private ResponseEntity<String> answer(HttpStatus status, Object body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(body));
  }
}
