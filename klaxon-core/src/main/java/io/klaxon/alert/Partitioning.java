package io.klaxon.alert;

import java.nio.charset.StandardCharsets;

/**
 * Which of {@code count} engine partitions an alert belongs to: a function of its fingerprint
 * alone, so one fingerprint always lands in one partition and "one active alert per fingerprint"
 * needs no check across partitions.
 *
 * <p>The partition key is the subject that a derived fingerprint names ({@code server/nas-01} in
 * {@code hosts|server/nas-01|cpu}, see {@link Fingerprint#of}), so all alerts about one subject
 * share a partition and detectors that keep per-subject state stay partition-local; any other
 * fingerprint (a producer's free {@code dedupKey}, a derived key without a subject) is its own key.
 *
 * <p>The partition is {@code (murmur2(UTF-8 bytes of the key) & 0x7fffffff) mod count}: Apache
 * Kafka's default partitioner, so a topic of {@code count} partitions keyed by the partition key
 * puts each command in its engine's partition. The function is stored on every alert row and fixes
 * where a database's alerts live: it must never change.
 *
 * @param count the number of partitions, at least 1; fixed when a database is created
 */
public record Partitioning(int count) {

  /** Most partitions a database may have: enough for any cluster, few enough to stay cheap. */
  public static final int MAX = 1024;

  /** One partition: everything in one engine. */
  public static final Partitioning SINGLE = new Partitioning(1);

  public Partitioning {
    if (count < 1 || count > MAX) {
      throw new IllegalArgumentException(
          "the number of partitions must be between 1 and " + MAX + ", was " + count);
    }
  }

  /** The partition of an alert with this fingerprint, from 0 to {@code count - 1}. */
  public int of(String fingerprint) {
    return count == 1 ? 0 : (murmur2(key(fingerprint)) & 0x7fffffff) % count;
  }

  /**
   * The partition of a subject: the one where the alerts whose derived fingerprints name it live.
   */
  public int ofSubject(String subjectType, String subjectKey) {
    return of(Fingerprint.of(null, "-", Subject.of(subjectType, subjectKey, null), "-"));
  }

  /**
   * The partition key of a fingerprint: the subject ({@code type/key}) that a derived fingerprint
   * {@code source|type/key|kind} names, else the whole fingerprint. A derived fingerprint cut to
   * {@link Fingerprint#MAX_LENGTH} inside its subject has lost the subject's end, so it is its own
   * key.
   */
  public static String key(String fingerprint) {
    int first = fingerprint.indexOf('|');
    if (first < 0) {
      return fingerprint;
    }
    int second = fingerprint.indexOf('|', first + 1);
    if (second < 0) {
      return fingerprint;
    }
    String subject = fingerprint.substring(first + 1, second);
    return subject.indexOf('/') > 0 ? subject : fingerprint;
  }

  /** Kafka's murmur2 ({@code org.apache.kafka.common.utils.Utils.murmur2}) of the key's bytes. */
  static int murmur2(String key) {
    byte[] data = key.getBytes(StandardCharsets.UTF_8);
    int length = data.length;
    final int m = 0x5bd1e995;
    final int r = 24;
    int h = 0x9747b28c ^ length;
    int blocks = length / 4;
    for (int i = 0; i < blocks; i++) {
      int at = i * 4;
      int k =
          (data[at] & 0xff)
              + ((data[at + 1] & 0xff) << 8)
              + ((data[at + 2] & 0xff) << 16)
              + ((data[at + 3] & 0xff) << 24);
      k *= m;
      k ^= k >>> r;
      k *= m;
      h *= m;
      h ^= k;
    }
    int tail = blocks * 4;
    int rest = length % 4;
    if (rest == 3) {
      h ^= (data[tail + 2] & 0xff) << 16;
    }
    if (rest >= 2) {
      h ^= (data[tail + 1] & 0xff) << 8;
    }
    if (rest >= 1) {
      h ^= data[tail] & 0xff;
      h *= m;
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }
}
