package io.klaxon.alert;

import io.klaxon.problem.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Builds the de-duplication key of an alert: a producer's own key, or one derived from what the alert is. */
public final class Fingerprint {

  /** Longest fingerprint accepted; longer producer keys are refused, not cut. */
  public static final int MAX_LENGTH = 255;

  private Fingerprint() {}

  /**
   * The producer's key when it gave one, else {@code source|subjectType/subjectKey|type}, so two
   * triggers of the same kind about the same thing from the same producer share an alert.
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
        source + "|" + (subject == null ? "" : subject.reference()) + "|" + type;
    if (derived.length() > MAX_LENGTH) {
      // Too long to keep readable: keep a readable head and make the tail unique.
      String hash = Integer.toHexString(derived.hashCode()) + Integer.toHexString(derived.length());
      return derived.substring(0, MAX_LENGTH - hash.length() - 1) + "#" + hash;
    }
    return derived;
  }
}
