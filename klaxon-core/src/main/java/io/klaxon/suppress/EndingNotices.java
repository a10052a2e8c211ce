package io.klaxon.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Notices that a silence (or a window occurrence) ends soon, as alerts of their own, so that they
 * reach people through the notification routes like any alert: one alert per end (its fingerprint
 * names the end, so a silence extended gets a notice for its new end), expiring when the end comes.
 */
public final class EndingNotices {

  /** The source of every notice alert. */
  public static final String SOURCE = "klaxon";

  /** The type of every notice alert, for routes that want them. */
  public static final String TYPE = "suppression_ending";

  private final Duration lead;

  /**
   * @param lead how long before an end its notice goes; zero for no notices
   */
  public EndingNotices(Duration lead) {
    if (lead.isNegative()) {
      throw new IllegalArgumentException("the notice lead must not be negative: " + lead);
    }
    this.lead = lead;
  }

  /** Whether the alert is a notice of an end. */
  public static boolean isNotice(Alert alert) {
    return alert.source().equals(SOURCE) && alert.type().equals(TYPE);
  }

  /** Whether notices are sent at all. */
  public boolean enabled() {
    return !lead.isZero();
  }

  /** The endings whose notice is due now: they end within the lead, and have not ended. */
  public List<Ending> due(Instant now, Collection<Ending> endings) {
    if (!enabled()) {
      return List.of();
    }
    return endings.stream()
        .filter(e -> now.isBefore(e.endsAt()) && !now.isBefore(e.endsAt().minus(lead)))
        .toList();
  }

  /** The fingerprint of the notice of one end: one notice per thing and end. */
  public static String fingerprint(Ending ending) {
    return SOURCE
        + "|"
        + ending.kind().word()
        + "/"
        + ending.id()
        + "|"
        + TYPE
        + "@"
        + ending.endsAt();
  }

  /** The subject of a notice: the silence or window that ends. */
  public static Subject subject(Ending ending) {
    return Subject.of(ending.kind().word(), ending.id(), ending.name());
  }

  /**
   * The trigger that raises an end's notice, as severe as the most severe alert it holds quiet now
   * (so that it goes where those alerts would go), {@code info} when it holds none.
   *
   * @param held how many active alerts it holds quiet now
   */
  public AlertCommand.Trigger notice(
      Ending ending, Severity severity, int held, Instant now, Actor actor) {
    Duration left = Duration.between(now, ending.endsAt());
    return new AlertCommand.Trigger(
        fingerprint(ending),
        SOURCE,
        TYPE,
        severity,
        capitalised(ending.name()) + " ends in " + minutes(left),
        ending.description()
            + " — holds "
            + held
            + (held == 1 ? " alert" : " alerts")
            + " quiet until "
            + ending.endsAt(),
        subject(ending),
        null,
        null,
        null,
        Map.of(
            "suppression", ending.kind().word(),
            "suppressionId", ending.id(),
            "endsAt", ending.endsAt().toString(),
            "heldAlerts", held),
        now,
        ending.endsAt(),
        actor);
  }

  private static String minutes(Duration left) {
    long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
