package io.klaxon.notify;

import io.klaxon.access.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where notifications are kept: the configuration, the planner's cursor into the change feed, the
 * outbox of notifications with their items and attempts, and the repeat reminders. Failures of the
 * database surface as {@link io.klaxon.problem.Unavailable}.
 */
public interface NotificationStore {

  /** The receivers or routes, in their order. */
  List<ConfigDocument> documents(ConfigKind kind);

  /** Adds or replaces one; a new one goes last. */
  void putDocument(ConfigKind kind, String name, String json, Actor actor, Instant at);

  /**
   * Adds one unless one of that kind and name exists, and returns the document kept: {@code json},
   * or the one saved before (by another instance starting beside this one, say).
   */
  String putDocumentIfAbsent(ConfigKind kind, String name, String json, Actor actor, Instant at);

  /** Removes one; false when there was none of that name. */
  boolean deleteDocument(ConfigKind kind, String name);

  /** Puts the named documents first, in the given order; the others keep their order after them. */
  void reorder(ConfigKind kind, List<String> names);

  /** Applies the changes in order, in one transaction: all of them or none. */
  void apply(List<ConfigChange> changes, Actor actor, Instant at);

  /** The position in the change feed of the last change planned; 0 before the first. */
  long cursor();

  /**
   * Runs {@code work} in one transaction: what it plans and the cursor it advances commit together
   * or not at all.
   */
  <T extends @Nullable Object> T plan(Function<PlanTransaction, T> work);

  /**
   * Claims up to {@code limit} pending notifications due at {@code now}, oldest first, in this
   * store's holder's name: they take no more items, and no other claim takes them until {@code
   * leaseUntil}. Several dispatchers claiming at once never claim the same notification; one whose
   * holder died is claimed again once its lease has passed.
   */
  List<Notification> claimDue(Instant now, Instant leaseUntil, int limit);

  /**
   * Ends this holder's claims, for a dispatcher starting up: what its earlier run claimed and did
   * not record goes again. Other holders' claims stand.
   */
  void releaseClaims();

  /**
   * Records attempts and where each notification goes next, all in one transaction: delivered,
   * pending again at its retry time, or a dead letter. The claims end.
   */
  void record(List<Outcome> outcomes);

  /**
   * One attempt and its consequence.
   *
   * @param retryAt when the notification is tried again; set exactly when {@code status} is pending
   */
  record Outcome(Attempt attempt, NotificationStatus status, @Nullable Instant retryAt) {

    public static Outcome delivered(Attempt attempt) {
      return new Outcome(attempt, NotificationStatus.DELIVERED, null);
    }

    public static Outcome failed(Attempt attempt, Instant retryAt) {
      return new Outcome(attempt, NotificationStatus.PENDING, retryAt);
    }

    public static Outcome dead(Attempt attempt) {
      return new Outcome(attempt, NotificationStatus.DEAD, null);
    }
  }

  /** Moves a claimed notification to a later time without an attempt (a rate limit held it). */
  void postpone(long notificationId, Instant at);

  /** One notification with its items. */
  Optional<Notification> notification(long id);

  /** The dead letters, newest first. */
  List<Notification> deadLetters(int limit, int offset);

  /** How many dead letters there are. */
  long deadLetterCount();

  /**
   * A dead letter pending again at {@code at}, with a fresh give-up window.
   *
   * @return false when the notification is not a dead letter (or does not exist)
   */
  boolean retry(long id, Instant at);

  /** Every notification that carries a change of this alert, oldest first. */
  List<Notification> notificationsOfAlert(long alertId);

  /** The attempts of these notifications, oldest first. */
  List<Attempt> attempts(List<Long> notificationIds);

  /** How many notifications are pending. */
  long pendingCount();

  /** A notification still open for more items, and when it is due. */
  record Gathering(long id, Instant dueAt) {}

  /** The planner's work inside {@link #plan}: one transaction. */
  interface PlanTransaction {

    /** The position of the last change planned. */
    long cursor();

    /** Moves the cursor on; it never goes back. */
    void advance(long position);

    /**
     * The group's notification still gathering items (pending, never claimed) that is due last but
     * not after {@code notAfter}, if there is one: an item due then can join it without being held
     * back.
     */
    Optional<Gathering> gathering(String route, String receiver, String groupKey, Instant notAfter);

    /**
     * When the group's latest notification that stopped gathering (claimed for sending) was due;
     * empty when none has.
     */
    Optional<Instant> lastDue(String route, String receiver, String groupKey);

    /** Adds a notification to the outbox; answers its id. */
    long insert(NewNotification notification);

    /** Adds an item to a gathering notification. */
    void addItem(long notificationId, NotificationItem item);

    /** Sets (or moves) the reminder of one alert for one route and receiver. */
    void scheduleRepeat(String route, String receiver, long alertId, Instant at);

    /** Drops every reminder of an alert. */
    void cancelRepeats(long alertId);

    /** Drops one reminder. */
    void cancelRepeat(String route, String receiver, long alertId);

    /** Reminders due at {@code now}, oldest first. */
    List<Repeat> dueRepeats(Instant now, int limit);
  }
}
