package io.klaxon.alert;

import io.klaxon.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Builds the de-duplication key of an alert: a producer's own key, or one derived from what the
 * alert is.
 */
public final class Fingerprint {

  /** Longest fingerprint accepted; longer producer keys are refused, not cut. */
  public static final int MAX_LENGTH = 255;

  private Fingerprint() {}

  /**
   * The producer's key when it gave one, else {@code source|subjectType/subjectKey|type}, so two
   * triggers of the same kind about the same thing from the same producer share an alert. A derived
   * key longer than {@link #MAX_LENGTH} keeps a readable head and ends in {@code #} and a digest of
   * the whole key, so distinct long keys stay distinct.
   *
   * @throws InvalidInput naming {@code dedupKey} when the key is blank or too long
   */
  public static String of(
      @Nullable String dedupKey, String source, @Nullable Subject subject, String type) {
    if (dedupKey != null) {
      if (dedupKey.isBlank()) {
        throw new InvalidInput("dedupKey", "must not be blank");
      }
      if (dedupKey.length() > MAX_LENGTH) {
        throw new InvalidInput("dedupKey", "must be at most " + MAX_LENGTH + " characters");
      }
      return dedupKey;
    }
    String derived =
        escape(source)
            + "|"
            + (subject == null
                ? ""
                : escape(subject.type()).replace("/", "%2F") + "/" + escape(subject.key()))
            + "|"
            + escape(type);
    if (derived.length() > MAX_LENGTH) {
      // Too long to keep readable: keep a readable head and make the tail unique. The tail is a
      // cryptographic digest of the whole key: String.hashCode collides far too easily ("Aa" and
      // "BB"), which would merge alerts about different things.
      String digest = digest(derived);
      int cut = MAX_LENGTH - digest.length() - 1;
      if (Character.isHighSurrogate(derived.charAt(cut - 1))) {
        cut--; // never split a character in two: its half would not survive a round trip
      }
      return derived.substring(0, cut) + "#" + digest;
    }
    return derived;
  }

  /**
   * Keeps the separators unambiguous: without this, source {@code a|} with type {@code b} and
   * source {@code a} with type {@code |b} would share a fingerprint.
   */
  private static String escape(String part) {
    return part.replace("%", "%25").replace("|", "%7C");
  }

  /** The first 128 bits of the SHA-256 of the text's UTF-8 bytes, in hex. */
  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
