package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.notify.NotificationStore.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/**
 * Delivers the outbox: claims the notifications that are due, sends them in parallel, and records
 * the round's attempts together. A failed send is retried after {@link Backoff} (or the receiver's
 * {@code Retry-After}, when longer) until the give-up time, then it is a dead letter. A receiver
 * over its rate limit has its notification moved to when the limit makes room. At least once: a
 * crash between a send and its record sends it again, with the same idempotency key.
 */
public final class Dispatcher {

  /** The dispatcher's parts; {@code alerts} looks an alert up as it stands now. */
  public record Parts(
      NotificationStore store,
      Function<String, Optional<Receiver>> receivers,
      Sender sender,
      LongFunction<Optional<Alert>> alerts,
      InstantSource clock,
      RandomGenerator random,
      ExecutorService executor) {}

  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

  private final Parts parts;
  private final Backoff backoff;
  private final Duration lease;
  private final Throttle throttle = new Throttle();

  /**
   * @param lease how long a claimed notification is kept from other claims; longer than a send
   */
  public Dispatcher(Parts parts, Backoff backoff, Duration lease) {
    this.parts = parts;
    this.backoff = backoff;
    this.lease = lease;
  }

  /**
   * Sends what is due now, at most {@code limit} notifications, and waits for them.
   *
   * @return how many were claimed
   */
  public int dispatchDue(int limit) {
    Instant now = parts.clock().instant();
    List<Notification> due = parts.store().claimDue(now, now.plus(lease), limit);
    List<Future<Optional<Outcome>>> sends = new ArrayList<>(due.size());
    for (Notification notification : due) {
      sends.add(parts.executor().submit(() -> deliver(notification)));
    }
    List<Outcome> outcomes = new ArrayList<>(due.size());
    for (Future<Optional<Outcome>> send : sends) {
      try {
        send.get().ifPresent(outcomes::add);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break; // what was not recorded is sent again after its lease
      } catch (ExecutionException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "a send failed unexpectedly; it is sent again after its lease",
            e.getCause());
      }
    }
    // One transaction for the round: a crash before it sends the round again (at least once).
    if (!outcomes.isEmpty()) {
      parts.store().record(outcomes);
    }
    return due.size();
  }

  private Optional<Outcome> deliver(Notification notification) {
    Instant now = parts.clock().instant();
    Optional<Receiver> receiver = parts.receivers().apply(notification.receiver());
    if (receiver.isPresent() && receiver.get().rateLimit() != null) {
      Instant slot = throttle.reserve(receiver.get().name(), receiver.get().rateLimit(), now);
      if (slot.isAfter(now)) {
        parts.store().postpone(notification.id(), slot);
        return Optional.empty();
      }
    }
    long started = System.nanoTime();
    DeliveryResult result;
    if (receiver.isEmpty()) {
      result =
          DeliveryResult.failed(
              null, null, "receiver " + notification.receiver() + " does not exist");
    } else {
      try {
        result = parts.sender().send(receiver.get(), message(notification));
      } catch (RuntimeException e) {
        result = DeliveryResult.failed(null, null, String.valueOf(e.getMessage()));
      }
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    Instant at = parts.clock().instant();
    Attempt attempt =
        new Attempt(
            notification.id(),
            notification.receiver(),
            at,
            result.delivered(),
            result.statusCode(),
            latency,
            result.error());
    if (result.delivered()) {
      return Optional.of(Outcome.delivered(attempt));
    }
    Duration wait = backoff.delay(notification.attempts() + 1, parts.random());
    if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
      wait = result.retryAfter();
    }
    Instant first = notification.firstAttemptAt() == null ? at : notification.firstAttemptAt();
    Instant retryAt = at.plus(wait);
    return Optional.of(
        retryAt.isAfter(first.plus(backoff.giveUpAfter()))
            ? Outcome.dead(attempt)
            : Outcome.failed(attempt, retryAt));
  }

  private Message message(Notification notification) {
    List<Message.Entry> entries = new ArrayList<>(notification.items().size());
    for (NotificationItem item : notification.items()) {
      entries.add(new Message.Entry(item, parts.alerts().apply(item.alertId()).orElse(null)));
    }
    return new Message(notification, entries);
  }
}
