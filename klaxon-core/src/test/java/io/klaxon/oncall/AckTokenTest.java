package io.klaxon.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckTokenTest {

  private static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

  @Test
  void aSignedTokenChecksValidUntilItExpiresThenExpired() {
    AckToken token = new AckToken(42, "receiver:ops", NOW.plus(Duration.ofHours(24)));
    String text = token.sign(KEY);
    assertThat(AckToken.check(text, KEY, NOW)).isEqualTo(new AckToken.Check.Valid(token));
    assertThat(AckToken.check(text, KEY, NOW.plus(Duration.ofHours(25))))
        .isEqualTo(new AckToken.Check.Expired(token));
  }

  @Test
  void aChangedAlertActorOrExpiryOrAnotherKeyIsForged() {
    AckToken token = new AckToken(42, "receiver:ops", NOW.plusSeconds(60));
    String text = token.sign(KEY);
    String signature = text.substring(text.indexOf('.'));
    String otherAlert =
        new AckToken(43, "receiver:ops", NOW.plusSeconds(60)).sign(KEY).split("\\.")[0];
    assertThat(AckToken.check(otherAlert + signature, KEY, NOW))
        .isInstanceOf(AckToken.Check.Forged.class);
    assertThat(AckToken.check(text, "other".getBytes(StandardCharsets.UTF_8), NOW))
        .isInstanceOf(AckToken.Check.Forged.class);
    assertThat(AckToken.check("not a token", KEY, NOW)).isInstanceOf(AckToken.Check.Forged.class);
    assertThat(AckToken.check(text + "x", KEY, NOW)).isInstanceOf(AckToken.Check.Forged.class);
  }
}
