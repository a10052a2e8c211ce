package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * POSTs a JSON body to a receiver with timeouts, and reads the answer as a {@link DeliveryResult}:
 * 2xx delivered; anything else, or no answer, failed, with the receiver's {@code Retry-After}
 * (seconds or an HTTP date) when it gave one. Redirects are not followed.
 */
final class HttpDelivery {

  private final HttpClient client;
  private final Duration sendTimeout;
  private final InstantSource clock;

  HttpDelivery(Duration connectTimeout, Duration sendTimeout, InstantSource clock) {
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.sendTimeout = sendTimeout;
  }

  DeliveryResult post(URI url, String body, Map<String, String> headers) {
    return post(url, body, "application/json", headers);
  }

  /** POSTs a body of another content type (a form, for services that document one). */
  DeliveryResult post(URI url, String body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(sendTimeout)
            .header("Content-Type", contentType)
            .header("User-Agent", "Klaxon")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return DeliveryResult.delivered(status);
      }
      Duration retryAfter =
          retryAfter(response.headers().firstValue("Retry-After"), clock.instant());
      return DeliveryResult.failed(status, retryAfter, "HTTP " + status + snippet(response.body()));
    } catch (IOException e) {
      return DeliveryResult.failed(
          null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.failed(null, null, "interrupted");
    }
  }

  static @Nullable Duration retryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return null;
    }
    String value = header.get().strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static String snippet(String body) {
    String text = body.strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
  }
}
