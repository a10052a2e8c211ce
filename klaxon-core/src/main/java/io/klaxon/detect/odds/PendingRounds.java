package io.klaxon.detect.odds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Rounds that arrive in parts (issue 18): the snapshots of one event observed at one instant, sent
 * by several producers (a scraper per bookmaker) in requests that arrive together. A part waits
 * here until its round is <em>due</em>, and the detector then judges the round whole, so no alert
 * depends on which part came first.
 *
 * <p>A round is due when it is complete, or when {@code grace} has passed since its first part
 * arrived (late parts are then judged as a round of their own, as before). Complete: every
 * bookmaker expected has quoted the event at the round's instant or later. Expected are the house
 * and every bookmaker that quoted the event within the look-back window before the round; for an
 * event's first round, every bookmaker that quoted any event within it. A bookmaker quoting an
 * event for the first time in an hour is thus not waited for: if its part comes after everyone
 * else's, it is judged on its own. When a round is due, the older rounds of its event still waiting
 * go with it, so that an event's rounds are judged oldest first.
 *
 * <p>Time is passed in ({@code now}: when the parts arrived, on the caller's clock), never read.
 * Not thread-safe: callers take turns, as on the detector.
 */
public final class PendingRounds {

  /** One event's round: its snapshots observed at one instant. */
  public record RoundKey(String eventId, Instant observedAt) {}

  /**
   * Rounds due, with their snapshots (to give to {@link OddsDetector#onSnapshots} a round each).
   */
  public record Due(Map<RoundKey, List<OddsSnapshot>> rounds) {

    public boolean isEmpty() {
      return rounds.isEmpty();
    }
  }

  private static final Comparator<RoundKey> OLDEST_FIRST =
      Comparator.comparing(RoundKey::observedAt).thenComparing(RoundKey::eventId);

  private final Duration grace;
  private final TreeMap<RoundKey, Part> waiting = new TreeMap<>(OLDEST_FIRST);
  private final Map<String, Quotes> events = new HashMap<>();
  private final Map<String, Instant> latestAnywhere = new HashMap<>();

  /** The parts of a round that arrived so far, and when the first did. */
  private static final class Part {
    final Instant firstArrival;
    final List<OddsSnapshot> snapshots = new ArrayList<>();

    Part(Instant firstArrival) {
      this.firstArrival = firstArrival;
    }
  }

  /** Who quoted an event and when last (observation times), and its first round. */
  private static final class Quotes {
    final Map<String, Instant> latest = new HashMap<>();
    Instant firstRound;
    Instant kickoff;

    Quotes(Instant firstRound, Instant kickoff) {
      this.firstRound = firstRound;
      this.kickoff = kickoff;
    }
  }

  /**
   * @param grace how long a round waits for its missing parts after its first part arrived; zero
   *     judges every part at once
   * @throws IllegalArgumentException when negative
   */
  public PendingRounds(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the round grace must not be negative, was " + grace);
    }
    this.grace = grace;
  }

  /**
   * Holds snapshots that arrived at {@code now} until their round is due.
   *
   * @return the rounds they belong to
   */
  public Set<RoundKey> add(List<OddsSnapshot> snapshots, Instant now) {
    Set<RoundKey> rounds = new LinkedHashSet<>();
    for (OddsSnapshot snapshot : snapshots) {
      RoundKey key = new RoundKey(snapshot.eventId(), snapshot.observedAt());
      waiting.computeIfAbsent(key, k -> new Part(now)).snapshots.add(snapshot);
      rounds.add(key);
      Quotes quotes =
          events.computeIfAbsent(
              snapshot.eventId(), e -> new Quotes(snapshot.observedAt(), snapshot.kickoff()));
      if (snapshot.observedAt().isBefore(quotes.firstRound)) {
        quotes.firstRound = snapshot.observedAt();
      }
      quotes.kickoff = snapshot.kickoff();
      quotes.latest.merge(snapshot.bookmaker(), snapshot.observedAt(), PendingRounds::later);
      latestAnywhere.merge(snapshot.bookmaker(), snapshot.observedAt(), PendingRounds::later);
    }
    return rounds;
  }

  /** Takes the rounds due at {@code now}, oldest first; each event's older rounds go with it. */
  public Due takeDue(Instant now, OddsSettings settings) {
    Map<String, Instant> dueUpTo = new HashMap<>();
    waiting.forEach(
        (key, part) -> {
          if (!now.isBefore(part.firstArrival.plus(grace)) || complete(key, settings)) {
            dueUpTo.merge(key.eventId(), key.observedAt(), PendingRounds::later);
          }
        });
    if (dueUpTo.isEmpty()) {
      return new Due(Map.of());
    }
    Map<RoundKey, List<OddsSnapshot>> due = new TreeMap<>(OLDEST_FIRST);
    for (Iterator<Map.Entry<RoundKey, Part>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<RoundKey, Part> entry = it.next();
      Instant upTo = dueUpTo.get(entry.getKey().eventId());
      if (upTo != null && !entry.getKey().observedAt().isAfter(upTo)) {
        due.put(entry.getKey(), List.copyOf(entry.getValue().snapshots));
        it.remove();
      }
    }
    return new Due(due);
  }

  /** When the oldest waiting round is due by its grace at the latest; null when none waits. */
  public @Nullable Instant nextDue() {
    Instant next = null;
    for (Part part : waiting.values()) {
      Instant due = part.firstArrival.plus(grace);
      if (next == null || due.isBefore(next)) {
        next = due;
      }
    }
    return next;
  }

  /** How many rounds wait for parts. */
  public int waiting() {
    return waiting.size();
  }

  /**
   * Forgets who quoted the events that have kicked off at {@code now} (as the detector forgets
   * their windows). Their waiting rounds stay, to be judged (and ignored) when due.
   */
  public void forgetStarted(Instant now) {
    events.values().removeIf(quotes -> !quotes.kickoff.isAfter(now));
  }

  private boolean complete(RoundKey key, OddsSettings settings) {
    Quotes quotes = events.get(key.eventId());
    if (quotes == null) {
      return false;
    }
    Instant since = key.observedAt().minus(Duration.ofMinutes(settings.lookbackMinutes()));
    Map<String, Instant> known =
        quotes.firstRound.equals(key.observedAt()) ? latestAnywhere : quotes.latest;
    if (!quotedSince(quotes, settings.houseBookmaker(), key.observedAt())) {
      return false;
    }
    for (Map.Entry<String, Instant> bookmaker : known.entrySet()) {
      boolean expected = !bookmaker.getValue().isBefore(since);
      if (expected && !quotedSince(quotes, bookmaker.getKey(), key.observedAt())) {
        return false;
      }
    }
    return true;
  }

  private static boolean quotedSince(Quotes quotes, String bookmaker, Instant at) {
    Instant latest = quotes.latest.get(bookmaker);
    return latest != null && !latest.isBefore(at);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
