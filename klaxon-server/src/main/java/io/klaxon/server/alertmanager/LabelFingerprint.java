package io.klaxon.server.alertmanager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

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
    return HexFormat.of().toHexDigits(hash(labels));
  }

  private static long hash(Map<String, String> labels) {
    if (inGoOrder(labels)) {
      // The label sets of a request come sorted (PostedAlert): hash them as they are, without
      // copying names and values into byte arrays to sort them again.
      long hash = OFFSET;
      for (Map.Entry<String, String> label : labels.entrySet()) {
        hash = add(hash, label.getKey());
        hash = add(hash, SEPARATOR);
        hash = add(hash, label.getValue());
        hash = add(hash, SEPARATOR);
      }
      return hash;
    }
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
    return hash;
  }

  /**
   * Whether the map iterates in Go's order: sorted by String order, which is Go's (UTF-8 bytes) for
   * names without surrogates (characters past the BMP sort differently).
   */
  private static boolean inGoOrder(Map<String, String> labels) {
    if (!(labels instanceof SortedMap<String, String> sorted) || sorted.comparator() != null) {
      return false;
    }
    for (String name : labels.keySet()) {
      for (int i = 0; i < name.length(); i++) {
        if (Character.isSurrogate(name.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** FNV-1a over the text's UTF-8 bytes: ASCII characters are their byte, the rest encoded. */
  private static long add(long hash, String text) {
    long h = hash;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // Split before a non-ASCII character: never inside a surrogate pair.
        return add(h, text.substring(i).getBytes(StandardCharsets.UTF_8));
      }
      h = (h ^ c) * PRIME;
    }
    return h;
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
