package io.klaxon.bench.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the JSON bodies of {@code POST /api/alerts/events}. Every alert is numbered; its source,
 * type, severity and subject follow from its number, so a re-trigger repeats them and the stored
 * alerts spread evenly over the values the query scenario filters on.
 */
public final class EventBatches implements BodySource {

  static final int SOURCES = 10;
  static final String[] SEVERITIES = {"critical", "high", "medium", "low", "info"};
  private static final String[] TYPES = {"cpu", "disk", "memory", "latency", "errors"};

  /** One request body and what it holds. */
  public record Body(String json, int events) {}

  private final Scenario scenario;
  private final String tag;
  private final String run;
  private final int fingerprints;
  private final AtomicLong fresh = new AtomicLong();

  /**
   * @param tag the source prefix, and the prefix of every dedup key
   * @param fingerprints the key space of re-triggers
   */
  public EventBatches(Scenario scenario, String tag, int fingerprints) {
    this.scenario = scenario;
    this.tag = tag;
    this.fingerprints = fingerprints;
    // New alerts of separate runs must not fold into each other: their keys carry the run.
    this.run = Long.toString(System.currentTimeMillis(), 36);
  }

  /** The names of the sources this generator uses, for filters. */
  public static String source(String tag, long number) {
    return tag + "-" + Math.floorMod(number, SOURCES);
  }

  /** A body of {@code units} units: events, or alerts for {@link Scenario#SEED}. */
  @Override
  public Body next(int units) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder json = new StringBuilder(units * 320).append('[');
    int events = 0;
    for (int i = 0; i < units; i++) {
      switch (scenario) {
        case RETRIGGER -> events += trigger(json, events, keyed(random.nextInt(fingerprints)));
        case MIXED -> {
          double roll = random.nextDouble();
          long number = random.nextInt(fingerprints);
          if (roll < 0.7) {
            events += trigger(json, events, keyed(number));
          } else if (roll < 0.8) {
            events += resolve(json, events, keyed(number), "resolve");
          } else {
            events += trigger(json, events, fresh());
          }
        }
        case SEED -> {
          Key key = fresh();
          events += trigger(json, events, key);
          // A quarter resolved and an eighth acknowledged, so status filters have work to do.
          if (key.number % 4 == 0) {
            events += resolve(json, events, key, "resolve");
          } else if (key.number % 8 == 1) {
            events += resolve(json, events, key, "acknowledge");
          }
        }
        default -> events += trigger(json, events, fresh());
      }
    }
    return new Body(json.append(']').toString(), events);
  }

  /** One trigger per number, 0 … fingerprints-1, so that later events re-trigger. */
  public Body prime(int from, int count) {
    StringBuilder json = new StringBuilder(count * 320).append('[');
    for (int i = 0; i < count; i++) {
      trigger(json, i, keyed(from + i));
    }
    return new Body(json.append(']').toString(), count);
  }

  private record Key(String dedupKey, long number) {}

  private Key keyed(long number) {
    return new Key(tag + ":fp:" + number, number);
  }

  private Key fresh() {
    long number = fresh.getAndIncrement();
    return new Key(tag + ":" + run + ":" + number, number);
  }

  private int trigger(StringBuilder json, int index, Key key) {
    long mix = key.number * 0x9E3779B97F4A7C15L; // spreads neighbours over every combination
    separate(json, index);
    head(json, "trigger", key);
    json.append(",\"severity\":\"")
        .append(SEVERITIES[(int) Long.remainderUnsigned(mix >>> 8, 5)])
        .append("\",\"title\":\"Bench alert ")
        .append(key.number)
        .append("\",\"subject\":{\"type\":\"server\",\"key\":\"host-")
        .append(Long.remainderUnsigned(mix >>> 20, 1000))
        .append("\"},\"value\":")
        .append(ThreadLocalRandom.current().nextInt(1000) / 10.0)
        .append(",\"attributes\":{\"region\":\"eu-")
        .append(Long.remainderUnsigned(mix >>> 40, 4))
        .append("\"}}");
    return 1;
  }

  private int resolve(StringBuilder json, int index, Key key, String action) {
    separate(json, index);
    head(json, action, key);
    json.append('}');
    return 1;
  }

  private void head(StringBuilder json, String action, Key key) {
    long mix = key.number * 0x9E3779B97F4A7C15L;
    json.append("{\"action\":\"")
        .append(action)
        .append("\",\"dedupKey\":\"")
        .append(key.dedupKey)
        .append("\",\"source\":\"")
        .append(source(tag, key.number))
        .append("\",\"type\":\"")
        .append(TYPES[(int) Long.remainderUnsigned(mix >>> 32, 5)])
        .append('"');
  }

  private static void separate(StringBuilder json, int index) {
    if (index > 0) {
      json.append(',');
    }
  }
}
