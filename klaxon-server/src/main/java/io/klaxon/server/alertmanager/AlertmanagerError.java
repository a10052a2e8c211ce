package io.klaxon.server.alertmanager;

import org.springframework.http.HttpStatus;

/**
 * A refusal answered in Alertmanager's own shapes, which its generated clients (amtool, Grafana)
 * can read: a JSON string from its handlers, or {@code {"code", "message"}} from its OpenAPI layer
 * for a request that does not fit the schema.
 */
final class AlertmanagerError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How Alertmanager's OpenAPI layer begins the message for a body it cannot read. */
  static final String PARSING = "parsing alerts body from \"\" failed, because ";

  private final HttpStatus status;
  private final boolean schema;

  private AlertmanagerError(HttpStatus status, String message, boolean schema) {
    super(message);
    this.status = status;
    this.schema = schema;
  }

  /** 400 as Alertmanager's handlers answer it: a bad matcher, an invalid alert. */
  static AlertmanagerError badRequest(String message) {
    return new AlertmanagerError(HttpStatus.BAD_REQUEST, message, false);
  }

  /** 400 as Alertmanager's OpenAPI layer answers it: a body or parameter of the wrong shape. */
  static AlertmanagerError malformed(String message) {
    return new AlertmanagerError(HttpStatus.BAD_REQUEST, message, true);
  }

  /** 501: an Alertmanager feature that Klaxon does not have. */
  static AlertmanagerError notImplemented(String message) {
    return new AlertmanagerError(HttpStatus.NOT_IMPLEMENTED, message, false);
  }

  /** 422 as Alertmanager's OpenAPI layer answers a body that misses a required field. */
  static AlertmanagerError unprocessable(String message) {
    return new AlertmanagerError(HttpStatus.UNPROCESSABLE_CONTENT, message, true);
  }

  static AlertmanagerError notFound(String message) {
    return new AlertmanagerError(HttpStatus.NOT_FOUND, message, false);
  }

  HttpStatus status() {
    return status;
  }

  /** True for the OpenAPI layer's {@code {"code", "message"}} body, false for a JSON string. */
  boolean schema() {
    return schema;
  }
}
