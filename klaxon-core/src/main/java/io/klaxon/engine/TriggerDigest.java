package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A 128-bit digest of what a re-trigger compares with the active alert: severity, title, message,
 * subject, value, previousValue, threshold, changePercent, expiresAt and the attributes, of those
 * the trigger's {@link AttributeMerge} keeps first only the names (the alert keeps its own value
 * whatever the trigger brings). A trigger whose digest equals its active alert's (for the same
 * merge) brings exactly what the alert holds, so it moves only the alert's counts, decided without
 * walking the alert's text and attributes, which at 100,000 alerts are no longer in the CPU's
 * caches and cost the writer more than the rest of a re-trigger (issue 22).
 *
 * <p>Equal digests are taken for equal contents: two different contents share a digest with a
 * chance of about 2^-128 (2^-64 over all pairs of 2^32 contents), far below that of the hardware
 * losing the change. The digest is not keyed, so a producer could craft a collision, but only
 * between two triggers of its own alert's fingerprint, where it decides the contents anyway. A
 * digest that differs says nothing: the engine then compares field by field as before. Attribute
 * values other than text, whole numbers, doubles and booleans have no digest, and neither has their
 * trigger: it is always compared field by field.
 */
record TriggerDigest(long high, long low) {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  /** The digest of what a trigger brings; null when it has none. */
  static @Nullable TriggerDigest of(AlertCommand.Trigger trigger) {
    return of(
        trigger.severity(),
        trigger.title(),
        trigger.message(),
        trigger.subject(),
        trigger.value(),
        trigger.previousValue(),
        trigger.threshold(),
        trigger.changePercent(),
        trigger.expiresAt(),
        trigger.attributes(),
        trigger.merge().keepFirst());
  }

  /** The digest of what an alert holds, as triggers merged by {@code merge} are digested. */
  static @Nullable TriggerDigest of(Alert alert, AttributeMerge merge) {
    return of(
        alert.severity(),
        alert.title(),
        alert.message(),
        alert.subject(),
        alert.value(),
        alert.previousValue(),
        alert.threshold(),
        alert.changePercent(),
        alert.expiresAt(),
        alert.attributes(),
        merge.keepFirst());
  }

  private static @Nullable TriggerDigest of(
      Severity severity,
      String title,
      @Nullable String message,
      @Nullable Subject subject,
      @Nullable Double value,
      @Nullable Double previousValue,
      @Nullable Double threshold,
      @Nullable Double changePercent,
      @Nullable Instant expiresAt,
      Map<String, Object> attributes,
      Set<String> keptFirst) {
    Lanes lanes = new Lanes();
    lanes.text(severity.name());
    lanes.text(title);
    lanes.text(message);
    if (subject == null) {
      lanes.add(0);
    } else {
      lanes.add(1);
      lanes.text(subject.type());
      lanes.text(subject.key());
      lanes.text(subject.name());
      lanes.instant(subject.startsAt());
      if (!lanes.attributes(subject.attributes(), Set.of())) {
        return null;
      }
    }
    lanes.number(value);
    lanes.number(previousValue);
    lanes.number(threshold);
    lanes.number(changePercent);
    lanes.instant(expiresAt);
    if (!lanes.attributes(attributes, keptFirst)) {
      return null;
    }
    return lanes.digest();
  }

  /**
   * Two lanes of MurmurHash3's x64 128-bit block mixing over a stream of longs, each field preceded
   * by what tells it apart from its neighbours (a length, a null mark, a type). A text goes in as
   * MurmurHash3 takes its input, two blocks a round (one per lane, 8 chars), half the rounds of one
   * block for both lanes (the digest is computed on the request threads for every trigger).
   */
  private static final class Lanes {
    /**
     * An attribute entry's lanes after its name, by the name's hash: names repeat (a deployment has
     * a few dozen), and their text was half of what a re-trigger's digest hashed. Written without
     * locks: a reader sees a slot's whole record or an older one, and a name that does not match
     * its slot is hashed again.
     */
    private static final @Nullable NameLanes[] NAMES = new NameLanes[256];

    private record NameLanes(String name, long h1, long h2, long length) {}

    private long h1 = 0x9368e53c2f6af274L;
    private long h2 = 0x586dcd208f7cd3fdL;
    private long length;

    /** New lanes that have taken the attribute name, as {@code text(name)} on new lanes would. */
    private static Lanes afterName(String name) {
      int slot = name.hashCode() & (NAMES.length - 1);
      NameLanes kept = NAMES[slot];
      Lanes lanes = new Lanes();
      if (kept != null && kept.name().equals(name)) {
        lanes.h1 = kept.h1();
        lanes.h2 = kept.h2();
        lanes.length = kept.length();
      } else {
        lanes.text(name);
        NAMES[slot] = new NameLanes(name, lanes.h1, lanes.h2, lanes.length);
      }
      return lanes;
    }

    void add(long block) {
      add(block, block);
    }

    /** One round: {@code first} into the first lane, {@code second} into the second. */
    private void add(long first, long second) {
      long k1 = Long.rotateLeft(first * C1, 31) * C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      long k2 = Long.rotateLeft(second * C2, 33) * C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
      length++;
    }

    /**
     * The length, then 8 chars a round, then a last round with the 0 to 7 chars left (4 in the
     * first block, the rest in the second), which the length tells apart.
     */
    void text(@Nullable String text) {
      if (text == null) {
        add(-1);
        return;
      }
      int size = text.length();
      add(size);
      int i = 0;
      for (; i + 8 <= size; i += 8) {
        add(chars(text, i, 4), chars(text, i + 4, 4));
      }
      int left = size - i;
      if (left >= 4) {
        add(chars(text, i, 4), chars(text, i + 4, left - 4));
      } else {
        add(chars(text, i, left), 0);
      }
    }

    /** {@code count} (at most 4) chars of the text from {@code from}, 16 bits each. */
    private static long chars(String text, int from, int count) {
      long block = 0;
      for (int i = from; i < from + count; i++) {
        block = block << 16 | text.charAt(i);
      }
      return block;
    }

    void number(@Nullable Double number) {
      if (number == null) {
        add(0);
      } else {
        add(1);
        add(Double.doubleToLongBits(number));
      }
    }

    void instant(@Nullable Instant instant) {
      if (instant == null) {
        add(0);
      } else {
        add(1);
        add(instant.getEpochSecond());
        add(instant.getNano());
      }
    }

    /**
     * Adds the attributes in no order: each entry's own digest, summed. False when a value has no
     * digest.
     */
    boolean attributes(Map<String, Object> attributes, Set<String> keptFirst) {
      add(attributes.size());
      long sum1 = 0;
      long sum2 = 0;
      for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
        String name = attribute.getKey();
        Lanes entry = afterName(name);
        if (!keptFirst.contains(name) && !entry.value(attribute.getValue())) {
          return false;
        }
        entry.finish();
        sum1 += entry.h1;
        sum2 += entry.h2;
      }
      add(sum1);
      add(sum2);
      return true;
    }

    /** A value of a type whose equality its digest keeps; false for any other. */
    private boolean value(Object value) {
      switch (value) {
        case String text -> {
          add(1);
          text(text);
        }
        case Long whole -> {
          add(2);
          add(whole);
        }
        case Integer whole -> {
          add(3);
          add(whole);
        }
        case Double number -> {
          add(4);
          add(Double.doubleToLongBits(number));
        }
        case Boolean truth -> add(truth ? 5 : 6);
        default -> {
          return false;
        }
      }
      return true;
    }

    private void finish() {
      h1 ^= length;
      h2 ^= length;
      h1 += h2;
      h2 += h1;
      h1 = mix(h1);
      h2 = mix(h2);
      h1 += h2;
      h2 += h1;
    }

    TriggerDigest digest() {
      finish();
      return new TriggerDigest(h1, h2);
    }

    private static long mix(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      k *= 0xc4ceb93fe53884a3L;
      k ^= k >>> 33;
      return k;
    }
  }
}
