package io.klaxon.cluster;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Which partition an alert belongs to, from its fingerprint alone: the subject where the
 * fingerprint names one ({@code source|subjectType/subjectKey|type}, as detectors and the default
 * fingerprint build it), so every alert of one server or match shares a partition; else the whole
 * fingerprint. The hash is CRC-32C of the key's UTF-8 bytes, which is fixed by its standard and so
 * never changes with the platform.
 *
 * @param count the number of partitions, {@code P}
 */
public record Partitioning(int count) {

  public Partitioning {
    if (count < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + count);
    }
  }

  /** The partition of alerts with this fingerprint. */
  public int of(String fingerprint) {
    CRC32C crc = new CRC32C();
    crc.update(key(fingerprint).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % count);
  }

  /** The partition key: the subject reference a fingerprint names, else the fingerprint. */
  static String key(String fingerprint) {
    int first = fingerprint.indexOf('|');
    int last = fingerprint.lastIndexOf('|');
    if (first < 0 || first == last || fingerprint.indexOf('|', first + 1) != last) {
      return fingerprint;
    }
    String middle = fingerprint.substring(first + 1, last);
    return middle.indexOf('/') > 0 ? middle : fingerprint;
  }
}
