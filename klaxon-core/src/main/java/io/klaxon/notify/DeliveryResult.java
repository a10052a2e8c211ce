package io.klaxon.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one send went.
 *
 * @param statusCode the receiver's answer code, null when it never answered
 * @param retryAfter how long the receiver asked to wait ({@code Retry-After}), null if it did not
 * @param error why it failed, null when delivered
 */
public record DeliveryResult(
    boolean delivered,
    @Nullable Integer statusCode,
    @Nullable Duration retryAfter,
    @Nullable String error) {

  public static DeliveryResult delivered(int statusCode) {
    return new DeliveryResult(true, statusCode, null, null);
  }

  public static DeliveryResult failed(
      @Nullable Integer statusCode, @Nullable Duration retryAfter, String error) {
    return new DeliveryResult(false, statusCode, retryAfter, error);
  }
}
