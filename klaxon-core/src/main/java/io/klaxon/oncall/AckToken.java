package io.klaxon.oncall;

import io.klaxon.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an acknowledge link carries: which alert, acknowledged as whom, until when. Its text is
 * {@code base64url(alertId|actor|expiresAt) "." base64url(HMAC-SHA256)}: the signature is the only
 * credential, so whoever holds the link may acknowledge that one alert as that actor until it
 * expires, and nothing else.
 *
 * @param actor who acknowledges, e.g. {@code receiver:ops} or {@code person:alice}
 * @param expiresAt after this instant the link is refused as expired
 */
public record AckToken(long alertId, String actor, Instant expiresAt) {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public AckToken {
    if (actor.isBlank() || actor.contains("|")) {
      throw new InvalidInput("actor", "must be a non-blank actor without '|'");
    }
  }

  /** What checking a link's text found. */
  public sealed interface Check {
    /** Signed with the key and not expired. */
    record Valid(AckToken token) implements Check {}

    /** Signed with the key, but past its expiry: the alert it names is known. */
    record Expired(AckToken token) implements Check {}

    /** Not signed with the key, or not a link's text at all. */
    record Forged() implements Check {}
  }

  /** The link's text, signed with {@code key}. */
  public String sign(byte[] key) {
    byte[] payload =
        (alertId + "|" + actor + "|" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload));
  }

  /** Checks a link's text: its signature first (constant time), then its expiry. */
  public static Check check(String text, byte[] key, Instant now) {
    int dot = text.indexOf('.');
    if (dot < 1) {
      return new Check.Forged();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(text.substring(0, dot));
      signature = DECODER.decode(text.substring(dot + 1));
    } catch (IllegalArgumentException notBase64) {
      return new Check.Forged();
    }
    if (!MessageDigest.isEqual(mac(key, payload), signature)) {
      return new Check.Forged();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 3) {
      return new Check.Forged();
    }
    AckToken token;
    try {
      token =
          new AckToken(
              Long.parseLong(parts[0]), parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
    } catch (NumberFormatException | InvalidInput malformed) {
      return new Check.Forged();
    }
    return now.isAfter(token.expiresAt()) ? new Check.Expired(token) : new Check.Valid(token);
  }

  private static byte[] mac(byte[] key, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
