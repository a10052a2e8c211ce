package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One ordered routing rule: the alerts it matches are notified to its receivers on the chosen
 * occasions. Routes are tried in order; the first match ends the search unless it says {@code
 * continueMatching}. A route may have a parent: it is tried only for alerts its parent matches, and
 * a parent whose children take an alert does not take it itself ({@link Routing}).
 *
 * @param repeatInterval remind the receivers of a matched alert still open this often; null never
 * @param quietHours hold notifications back in these hours; null never
 * @param parent the route under which this one is tried; null for a route at the top
 * @param sendSuppressedResolutions notify the resolution of a suppressed alert anyway (a receiver
 *     that tracks incidents closes them); otherwise it is held like every other notification
 * @param times when the route may send (Alertmanager's mute and active time intervals); its
 *     notifications wait for that
 */
public record Route(
    String name,
    Match match,
    List<String> receivers,
    Set<Occasion> notifyOn,
    boolean continueMatching,
    Grouping grouping,
    @Nullable Duration repeatInterval,
    @Nullable QuietHours quietHours,
    @Nullable String parent,
    boolean sendSuppressedResolutions,
    RouteTimes times) {

  /** Occasions notified when a route does not choose. */
  public static final Set<Occasion> DEFAULT_OCCASIONS =
      Set.of(Occasion.OPENED, Occasion.ESCALATED, Occasion.RESOLVED);

  /** A route that may send at any time. */
  public Route(
      String name,
      Match match,
      List<String> receivers,
      Set<Occasion> notifyOn,
      boolean continueMatching,
      Grouping grouping,
      @Nullable Duration repeatInterval,
      @Nullable QuietHours quietHours,
      @Nullable String parent,
      boolean sendSuppressedResolutions) {
    this(
        name,
        match,
        receivers,
        notifyOn,
        continueMatching,
        grouping,
        repeatInterval,
        quietHours,
        parent,
        sendSuppressedResolutions,
        RouteTimes.ALWAYS);
  }

  /** A route at the top that holds the resolutions of suppressed alerts. */
  public Route(
      String name,
      Match match,
      List<String> receivers,
      Set<Occasion> notifyOn,
      boolean continueMatching,
      Grouping grouping,
      @Nullable Duration repeatInterval,
      @Nullable QuietHours quietHours) {
    this(
        name,
        match,
        receivers,
        notifyOn,
        continueMatching,
        grouping,
        repeatInterval,
        quietHours,
        null,
        false);
  }

  /** A route under {@code parent} (null: at the top) that holds suppressed resolutions. */
  public Route(
      String name,
      Match match,
      List<String> receivers,
      Set<Occasion> notifyOn,
      boolean continueMatching,
      Grouping grouping,
      @Nullable Duration repeatInterval,
      @Nullable QuietHours quietHours,
      @Nullable String parent) {
    this(
        name,
        match,
        receivers,
        notifyOn,
        continueMatching,
        grouping,
        repeatInterval,
        quietHours,
        parent,
        false);
  }

  public Route {
    Names.check("name", name);
    if (parent != null) {
      Names.check("parent", parent);
      if (parent.equals(name)) {
        throw new InvalidInput("parent", "a route cannot be its own parent");
      }
    }
    receivers = List.copyOf(receivers);
    notifyOn = Set.copyOf(notifyOn);
    // No receivers is allowed: a route may only start an escalation policy (the server checks
    // that a route has one or the other).
    for (int i = 0; i < receivers.size(); i++) {
      Names.check("receivers[" + i + "]", receivers.get(i));
    }
    if (Set.copyOf(receivers).size() != receivers.size()) {
      throw new InvalidInput("receivers", "names a receiver twice");
    }
    if (notifyOn.isEmpty()) {
      throw new InvalidInput("notifyOn", "needs at least one occasion");
    }
    if (notifyOn.contains(Occasion.REPEATED)) {
      throw new InvalidInput("notifyOn", "'repeated' is set by repeatIntervalSeconds");
    }
    if (repeatInterval != null && repeatInterval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidInput("repeatIntervalSeconds", "must be at least 60 seconds");
    }
  }
}
