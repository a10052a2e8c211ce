package io.klaxon.detect.odds;

import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.MarketResolver;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.mapping.UnmappedSighting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Watches the house bookmaker's prices against its competitors and says which alert commands to
 * apply: {@code price_change}, {@code direction_disagreement} and {@code availability} (issue 5).
 *
 * <p>Per event × market × line × outcome and per bookmaker it keeps only the prices inside the
 * look-back window, measured back from each observation's own time; nothing reads a clock, so the
 * commands depend only on the snapshots seen, the settings and the mappings. Every market id, the
 * house's included, goes through the {@link MarketResolver}; an id with no mapping is recorded
 * there as unmapped, still gets the house's {@code price_change} (keyed by the house's own id) and
 * takes no part in the rules that compare bookmakers.
 *
 * <p>Not thread-safe: callers apply snapshots one batch at a time, and apply the commands returned
 * through the alert engine in order.
 */
public final class OddsDetector {

  /** The alerts' source, and the actor in their history. */
  public static final String SOURCE = OddsAlerts.SOURCE;

  private final MarketResolver markets;
  private final Map<String, EventBook> events = new HashMap<>();
  private @Nullable String house;

  /** How to take back the last {@link #onSnapshots} call; null when there is nothing to undo. */
  private @Nullable UndoLog undo;

  public OddsDetector(MarketResolver markets) {
    this.markets = markets;
  }

  /**
   * The commands one snapshot calls for, in the order to apply them; empty when it changes no
   * alert, repeats or precedes the series' last sighting, or is observed at or after kick-off (the
   * event's alerts have expired by then, so any new one would be born expired). A snapshot alone is
   * a round of its own: give the snapshots of one instant together to {@link #onSnapshots}.
   */
  public List<AlertCommand> onSnapshot(OddsSnapshot snapshot, OddsSettings settings) {
    undo = null;
    List<AlertCommand> out = new ArrayList<>(); // no backing array until a command is added
    Round.Touched touched = add(snapshot, settings);
    if (touched != null) {
      judge(touched, settings, out);
    }
    return out;
  }

  /**
   * The commands a batch calls for. Its snapshots are taken oldest first, a round at a time: the
   * snapshots observed at one instant all go into their windows before the rules are asked, once
   * per series the round changed, so the commands do not depend on the order of the batch's items
   * (see {@link Round}).
   */
  public List<AlertCommand> onSnapshots(List<OddsSnapshot> snapshots, OddsSettings settings) {
    List<AlertCommand> out = new ArrayList<>();
    undo = new UndoLog();
    Round round = new Round();
    for (OddsSnapshot snapshot : Round.canonical(snapshots)) {
      if (round.endsBefore(snapshot.observedAt())) {
        judge(round, settings, out);
        round.start(snapshot.observedAt());
      }
      Round.Touched touched = add(snapshot, settings);
      if (touched != null) {
        round.add(touched);
      }
    }
    judge(round, settings, out);
    return out;
  }

  /**
   * Takes back what the last {@link #onSnapshots} call did to the windows and to what was said, for
   * when its commands could not be applied (the engine answered 503): a retry of the same snapshots
   * is then taken as new, not as repeats, and gives the same commands again. Unmapped sightings
   * recorded with the mapping registry stay recorded. Nothing when there is nothing to take back
   * (already undone, or a later {@link #onSnapshot} call came between).
   */
  public void undoLast() {
    UndoLog last = undo;
    undo = null;
    if (last != null) {
      last.undo();
    }
  }

  /**
   * Forgets every event whose kick-off is at or before {@code now}, with its windows: their alerts
   * expire at kick-off (a job's work, not the detector's), so nothing more is to be said of them.
   *
   * @return how many events were forgotten
   */
  public int forgetStarted(Instant now) {
    undo = null;
    int forgotten = 0;
    for (Iterator<EventBook> it = events.values().iterator(); it.hasNext(); ) {
      if (!it.next().kickoff().isAfter(now)) {
        it.remove();
        forgotten++;
      }
    }
    return forgotten;
  }

  /** Forgets one event (deleted, or its subject purged); nothing when it is not known. */
  public void forgetEvent(String eventId) {
    undo = null;
    events.remove(eventId);
  }

  /**
   * The prices behind one of this detector's triggers (issue 18): the house's and each mapped
   * competitor's prices of the trigger's series inside the look-back window back from the trigger's
   * time, house first, then competitors by name, each oldest first. Empty when the trigger is not
   * the detector's or its event is forgotten.
   */
  public List<PricePoint> pricePath(AlertCommand.Trigger trigger, OddsSettings settings) {
    if (trigger.subject() == null || trigger.occurredAt() == null) {
      return List.of();
    }
    EventBook event = events.get(trigger.subject().key());
    Series series = event == null ? null : event.find(SeriesKey.of(trigger.attributes()));
    if (series == null) {
      return List.of();
    }
    long from = trigger.occurredAt().toEpochMilli() - settings.lookbackMinutes() * 60_000L;
    List<PricePoint> points = new ArrayList<>();
    if (series.house != null) {
      series.house.points(settings.houseBookmaker(), true, from, points);
    }
    new TreeMap<>(series.competitorWindows())
        .forEach((bookmaker, window) -> window.points(bookmaker, false, from, points));
    return points;
  }

  /** How many events the detector holds windows for. */
  public int events() {
    return events.size();
  }

  /** Puts a snapshot into its window: the series it changed, or null when it changed none. */
  private Round.@Nullable Touched add(OddsSnapshot snapshot, OddsSettings settings) {
    if (!snapshot.observedAt().isBefore(snapshot.kickoff())) {
      return null;
    }
    if (!settings.houseBookmaker().equals(house)) {
      // The windows and what was said are the old house's against its competitors: start afresh
      // rather than compare two bookmakers' prices in one window. Alerts already sent stay open
      // until kick-off, or until the risk desk closes them.
      if (undo != null) {
        Map<String, EventBook> before = new HashMap<>(events);
        String houseBefore = house;
        undo.record(
            () -> {
              events.clear();
              events.putAll(before);
              house = houseBefore;
            });
      }
      events.clear();
      house = settings.houseBookmaker();
    }
    String bookmaker = snapshot.bookmaker();
    boolean isHouse = bookmaker.equals(settings.houseBookmaker());
    Optional<MarketMapping> mapping = markets.resolve(bookmaker, snapshot.marketId());
    SeriesKey key;
    if (mapping.isPresent()) {
      key =
          new SeriesKey(
              mapping.get().canonicalId(),
              snapshot.line(),
              canonicalOutcome(mapping.get(), bookmaker, snapshot.outcome()),
              true);
    } else {
      markets.recordUnmapped(
          UnmappedSighting.of(
              bookmaker,
              snapshot.marketId(),
              snapshot.marketName(),
              List.of(snapshot.outcome()),
              snapshot.observedAt()));
      if (!isHouse) {
        return null; // a competitor's unmapped market compares with nothing: keep no window for it
      }
      key = new SeriesKey(snapshot.marketId(), snapshot.line(), snapshot.outcome(), false);
    }
    UndoLog log = undo;
    String eventId = snapshot.eventId();
    EventBook event = events.get(eventId);
    if (event == null) {
      event = new EventBook(eventId, snapshot.kickoff());
      events.put(eventId, event);
      if (log != null) {
        log.record(() -> events.remove(eventId));
      }
    }
    if (log != null && event.wouldChange(snapshot.eventName(), snapshot.kickoff())) {
      event.remember(log);
    }
    event.update(snapshot.eventName(), snapshot.kickoff());
    Series series = event.series(key, snapshot.marketName(), log);
    long at = snapshot.observedAt().toEpochMilli();
    long from = at - settings.lookbackMinutes() * 60_000L;
    PriceWindow window = series.window(bookmaker, isHouse, log);
    if (!window.add(at, snapshot.odds(), snapshot.available(), from, log)) {
      return null;
    }
    if (isHouse) {
      if (log != null) {
        String saidMarketName = series.marketName;
        String saidHouseMarketId = series.houseMarketId;
        log.record(
            () -> {
              series.marketName = saidMarketName;
              series.houseMarketId = saidHouseMarketId;
            });
        if (at > event.houseSeenAt) {
          event.remember(log);
        }
      }
      series.marketName = snapshot.marketName();
      series.houseMarketId = snapshot.marketId();
      event.houseSeenAt = Math.max(event.houseSeenAt, at);
    }
    return new Round.Touched(event, series, isHouse && snapshot.available(), snapshot.observedAt());
  }

  private void judge(Round round, OddsSettings settings, List<AlertCommand> out) {
    for (Round.Touched touched : round.changes()) {
      judge(touched, settings, out);
    }
  }

  /** Asks the rules about a series once its round is in its windows. */
  private void judge(Round.Touched touched, OddsSettings settings, List<AlertCommand> out) {
    if (!settings.alertEnabled()) {
      return; // the windows stay current, so alerting resumes from true prices
    }
    Series series = touched.series();
    // What the series said so far, to be put back on undo if this round changes it: kept in
    // locals, so that a round that changes nothing records nothing.
    Severity saidSeverity = series.priceSeverity;
    double saidOdds = series.priceOdds;
    String saidDisagreement = series.disagreement;
    boolean saidAvailability = series.availabilityOpen;
    int commandsBefore = out.size();
    long from = touched.at().toEpochMilli() - settings.lookbackMinutes() * 60_000L;
    rules(
        touched.event(),
        series,
        series.key,
        touched.housePrice(),
        from,
        touched.at(),
        settings,
        out);
    UndoLog log = undo;
    if (log != null && out.size() > commandsBefore) {
      log.record(
          () -> {
            series.priceSeverity = saidSeverity;
            series.priceOdds = saidOdds;
            series.disagreement = saidDisagreement;
            series.availabilityOpen = saidAvailability;
          });
    }
  }

  /** The three rules on the series the snapshot changed; the house's move worked out once. */
  private static void rules(
      EventBook event,
      Series series,
      SeriesKey key,
      boolean priceChange,
      long from,
      Instant observedAt,
      OddsSettings settings,
      List<AlertCommand> out) {
    Move houseMove =
        (priceChange || key.mapped()) && series.house != null ? series.house.move(from) : null;
    if (priceChange) {
      OddsRules.priceChange(event, series, houseMove, settings, observedAt, out);
    }
    if (key.mapped()) {
      OddsRules.directionDisagreement(event, series, houseMove, settings, from, observedAt, out);
      OddsRules.availability(event, series, settings, from, observedAt, out);
    }
  }

  /** The canonical name of a bookmaker's outcome; its own name when the mapping has none. */
  private static String canonicalOutcome(MarketMapping mapping, String bookmaker, String outcome) {
    for (OutcomeMapping candidate : mapping.outcomeMapping()) {
      String name = candidate.sources().get(bookmaker);
      if (name != null && name.equalsIgnoreCase(outcome)) {
        return candidate.canonical();
      }
    }
    return outcome;
  }
}
