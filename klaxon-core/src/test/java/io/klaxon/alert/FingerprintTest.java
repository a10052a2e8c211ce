package io.klaxon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How an alert's de-duplication key is chosen or derived. */
class FingerprintTest {

  private static final Subject NAS = Subject.of("server", "nas-01", "NAS");

  @Test
  void producerKey_winsOverEverythingElse() {
    assertThat(Fingerprint.of("my-key", "hosts", NAS, "disk")).isEqualTo("my-key");
  }

  @Test
  void withoutProducerKey_isDerivedFromSourceSubjectAndType() {
    assertThat(Fingerprint.of(null, "hosts", NAS, "disk")).isEqualTo("hosts|server/nas-01|disk");
  }

  @Test
  void withoutSubject_leavesTheSubjectPartEmpty() {
    assertThat(Fingerprint.of(null, "hosts", null, "disk")).isEqualTo("hosts||disk");
  }

  @Test
  void derivedKeys_differWhenWhatTheAlertIsAboutDiffers() {
    Subject other = Subject.of("server", "nas-02", null);

    assertThat(Fingerprint.of(null, "hosts", NAS, "disk"))
        .isNotEqualTo(Fingerprint.of(null, "hosts", other, "disk"))
        .isNotEqualTo(Fingerprint.of(null, "hosts", NAS, "cpu"))
        .isNotEqualTo(Fingerprint.of(null, "odds", NAS, "disk"));
  }

  @Test
  void tooLongDerivedKey_isCutToTheLimitWithAUniqueTail() {
    String longKey = "k".repeat(400);
    Subject first = Subject.of("event", longKey + "-1", null);
    Subject second = Subject.of("event", longKey + "-2", null);

    String a = Fingerprint.of(null, "odds", first, "price_change");
    String b = Fingerprint.of(null, "odds", second, "price_change");

    assertThat(a).hasSize(Fingerprint.MAX_LENGTH).startsWith("odds|event/kkk").contains("#");
    assertThat(b).hasSize(Fingerprint.MAX_LENGTH);
    assertThat(a).isNotEqualTo(b);
    assertThat(Fingerprint.of(null, "odds", first, "price_change")).isEqualTo(a);
  }

  @Test
  void tooLongDerivedKeys_thatCollideUnderStringHashCode_stayDistinct() {
    // "Aa" and "BB" have the same String.hashCode, so equal-length keys differing only there
    // used to get the same tail and be merged into one alert.
    String head = "k".repeat(300);
    Subject first = Subject.of("event", head + "Aa", null);
    Subject second = Subject.of("event", head + "BB", null);
    assertThat((head + "Aa").hashCode()).isEqualTo((head + "BB").hashCode());

    assertThat(Fingerprint.of(null, "odds", first, "price_change"))
        .isNotEqualTo(Fingerprint.of(null, "odds", second, "price_change"));
  }

  @Test
  void tooLongDerivedKey_isNeverCutInsideACharacter() {
    // "odds|event/" then pairs put the high half of a surrogate pair right before the cut.
    Subject emoji = Subject.of("event", "\uD83D\uDE00".repeat(200), null);

    String fingerprint = Fingerprint.of(null, "odds", emoji, "t");

    assertThat(fingerprint.length()).isLessThanOrEqualTo(Fingerprint.MAX_LENGTH);
    String head = fingerprint.substring(0, fingerprint.indexOf('#'));
    assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
    byte[] utf8 = fingerprint.getBytes(StandardCharsets.UTF_8);
    assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(fingerprint);
  }

  @Test
  void derivedKeyAtTheLimit_isKeptWhole() {
    String type = "t".repeat(Fingerprint.MAX_LENGTH - "hosts||".length());

    assertThat(Fingerprint.of(null, "hosts", null, type)).isEqualTo("hosts||" + type);
  }

  @Test
  void producerKeyAtTheLimit_isAccepted() {
    String key = "x".repeat(Fingerprint.MAX_LENGTH);

    assertThat(Fingerprint.of(key, "hosts", null, "disk")).isEqualTo(key);
  }

  @Test
  void tooLongProducerKey_isRefusedNotCut() {
    String key = "x".repeat(Fingerprint.MAX_LENGTH + 1);

    assertThatThrownBy(() -> Fingerprint.of(key, "hosts", null, "disk"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> assertThat(invalid.errors().getFirst().field()).isEqualTo("dedupKey"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void blankProducerKey_isRefused(String key) {
    assertThatThrownBy(() -> Fingerprint.of(key, "hosts", NAS, "disk"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors().getFirst().field()).isEqualTo("dedupKey");
              assertThat(invalid.errors().getFirst().reason()).contains("blank");
            });
  }

  @Test
  void separatorsInsideTheParts_cannotMakeTwoDifferentAlertsShareAKey() {
    assertThat(Fingerprint.of(null, "x|", null, "y"))
        .isNotEqualTo(Fingerprint.of(null, "x", null, "|y"));
    assertThat(Fingerprint.of(null, "s", Subject.of("a/b", "c", null), "t"))
        .isNotEqualTo(Fingerprint.of(null, "s", Subject.of("a", "b/c", null), "t"));
    assertThat(Fingerprint.of(null, "a%7C", null, "t"))
        .isNotEqualTo(Fingerprint.of(null, "a|", null, "t"));
  }
}
