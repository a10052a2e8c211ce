package io.klaxon.server.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint is Alertmanager's: the expected values are those of prometheus/common's own tests
 * (model/signature_test.go), printed as Alertmanager prints them ({@code %016x}).
 */
class LabelFingerprintTest {

  @Test
  void emptyLabelSet_isTheFnvOffset() {
    // 14695981039346656037 in signature_test.go
    assertThat(LabelFingerprint.hex(Map.of())).isEqualTo("cbf29ce484222325");
  }

  @Test
  void twoLabels_matchPrometheusCommonsTestValue() {
    // 5799056148416392346 in signature_test.go
    assertThat(
            LabelFingerprint.hex(Map.of("name", "garland, briggs", "fear", "love is not enough")))
        .isEqualTo("507a62d79ee76c9a");
  }

  @Test
  void oneAndTwoLabels_matchPrometheusCommonsBenchmarkValues() {
    // 5146282821936882169 and 3195800080984914717 in signature_test.go
    assertThat(LabelFingerprint.hex(Map.of("first-label", "first-label-value")))
        .isEqualTo("476b44f5db3e21f9");
    assertThat(
            LabelFingerprint.hex(
                Map.of("first-label", "first-label-value", "second-label", "second-label-value")))
        .isEqualTo("2c59c33dd8453b1d");
  }

  @Test
  void oneLabel_isFnv1aOverNameSeparatorValueSeparator() {
    long hash = 0xcbf29ce484222325L;
    for (byte b : new byte[] {'a', (byte) 0xff, 'b', (byte) 0xff}) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    assertThat(LabelFingerprint.hex(Map.of("a", "b"))).isEqualTo("%016x".formatted(hash));
  }

  @Test
  void orderOfTheLabelsGivenDoesNotMatter() {
    Map<String, String> one = new LinkedHashMap<>();
    one.put("job", "node");
    one.put("alertname", "Disk");
    Map<String, String> other = new LinkedHashMap<>();
    other.put("alertname", "Disk");
    other.put("job", "node");
    assertThat(LabelFingerprint.hex(one)).isEqualTo(LabelFingerprint.hex(other));
  }

  @Test
  void namesSortByTheirUtf8Bytes_asGoSortsStrings() {
    // Java's String order puts U+1F600 (surrogates D83D DE00) before U+FF21; Go compares UTF-8
    // bytes, where U+FF21 (EF BC A1) comes before U+1F600 (F0 9F 98 80).
    String fullwidthA = "\uFF21";
    String emoji = "\uD83D\uDE00";
    long hash = 0xcbf29ce484222325L;
    for (String part : new String[] {fullwidthA, "1", emoji, "2"}) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
      }
      hash = (hash ^ 0xff) * 0x100000001b3L;
    }
    assertThat(LabelFingerprint.hex(Map.of(emoji, "2", fullwidthA, "1")))
        .isEqualTo("%016x".formatted(hash));
  }

  @Test
  void sortedLabelSets_hashAsUnsortedOnes_withNonAsciiNamesAndValues() {
    Map<String, String> plain = new LinkedHashMap<>();
    plain.put("instance", "host-\u00e91");
    plain.put("alertname", "Disk");
    plain.put("\u00e9t\u00e9", "\uD83D\uDE00 ok");
    plain.put("\uFF21", "1");
    assertThat(LabelFingerprint.hex(new TreeMap<>(plain))).isEqualTo(LabelFingerprint.hex(plain));

    Map<String, String> pastTheBmp = new TreeMap<>(Map.of("\uD83D\uDE00", "2", "\uFF21", "1"));
    assertThat(LabelFingerprint.hex(pastTheBmp))
        .isEqualTo(LabelFingerprint.hex(Map.of("\uD83D\uDE00", "2", "\uFF21", "1")));
  }

  @Test
  void klaxonsKeyIsThePrefixAndTheDigits() {
    assertThat(LabelFingerprint.key(Map.of("first-label", "first-label-value")))
        .isEqualTo("am:476b44f5db3e21f9");
    assertThat(LabelFingerprint.hexOf("am:476b44f5db3e21f9")).isEqualTo("476b44f5db3e21f9");
  }
}
