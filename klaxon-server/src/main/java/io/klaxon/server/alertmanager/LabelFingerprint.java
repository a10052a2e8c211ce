package io.klaxon.server.alertmanager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's fingerprint of a label set (prometheus/common {@code LabelSet.Fingerprint}):
 * FNV-1a 64 over the label names, sorted, each name and value followed by the byte 0xff, printed as
 * 16 hex digits. Klaxon keys its alerts with the same digits so both systems name an alert alike.
 */
final class LabelFingerprint {

  /** Set before the hex digits in Klaxon's fingerprint, so no other producer's key can clash. */
  static final String PREFIX = "am:";

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final byte SEPARATOR = (byte) 0xff;

  /** Go sorts strings by their UTF-8 bytes; Java's String order differs past the BMP. */
  private static final Comparator<byte[]> GO_ORDER = Arrays::compareUnsigned;

  private LabelFingerprint() {}

  /** The 16 lowercase hex digits that Alertmanager shows as the alert's fingerprint. */
  static String hex(Map<String, String> labels) {
    List<byte[][]> pairs = new ArrayList<>(labels.size());
    labels.forEach(
        (name, value) ->
            pairs.add(
                new byte[][] {
                  name.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)
                }));
    pairs.sort((a, b) -> GO_ORDER.compare(a[0], b[0]));
    long hash = OFFSET;
    for (byte[][] pair : pairs) {
      hash = add(hash, pair[0]);
      hash = add(hash, SEPARATOR);
      hash = add(hash, pair[1]);
      hash = add(hash, SEPARATOR);
    }
    return HexFormat.of().toHexDigits(hash);
  }

  /** Klaxon's de-duplication key for the label set: {@code am:} and the hex digits. */
  static String key(Map<String, String> labels) {
    return PREFIX + hex(labels);
  }

  /** The hex digits of a Klaxon key made by {@link #key}; other keys are returned as they are. */
  static String hexOf(String key) {
    return key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
  }

  private static long add(long hash, byte[] bytes) {
    long h = hash;
    for (byte b : bytes) {
      h = add(h, b);
    }
    return h;
  }

  private static long add(long hash, byte b) {
    return (hash ^ (b & 0xff)) * PRIME;
  }
}
