package io.klaxon.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of a key as a client sends it: {@code klx_<id>_<secret>}. The public id lets the server
 * find the one stored hash to check, so a request costs one slow hash, not one per key.
 *
 * @param id 12 lowercase letters and digits
 * @param secret 43 characters of base64url: 256 random bits
 */
public record KeyText(String id, String secret) {

  /** Every key starts with this, so leaked keys are easy to spot in logs and by scanners. */
  public static final String PREFIX = "klx_";

  private static final Pattern ID = Pattern.compile("[a-z0-9]{4,32}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{20,64}");
  private static final String ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  public KeyText {
    if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      throw new IllegalArgumentException("not a key id and secret");
    }
  }

  /** A new key with a random id and secret. */
  public static KeyText random() {
    StringBuilder id = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      id.append(ID_LETTERS.charAt(RANDOM.nextInt(ID_LETTERS.length())));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new KeyText(
        id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The key text a client sends; empty for text that is not in the key format. */
  public static Optional<KeyText> parse(String text) {
    if (!text.startsWith(PREFIX) || text.length() > 120) {
      return Optional.empty();
    }
    int split = text.indexOf('_', PREFIX.length());
    if (split < 0) {
      return Optional.empty();
    }
    String id = text.substring(PREFIX.length(), split);
    String secret = text.substring(split + 1);
    if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return Optional.of(new KeyText(id, secret));
  }

  /** The whole key, as shown once to its creator. */
  public String text() {
    return PREFIX + id + "_" + secret;
  }

  @Override
  public String toString() {
    return PREFIX + id + "_…";
  }
}
