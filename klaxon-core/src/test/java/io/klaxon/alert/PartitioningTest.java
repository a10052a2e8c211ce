package io.klaxon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which partition an alert belongs to: by its fingerprint alone, the same forever. */
class PartitioningTest {

  private static final long SEED = 22;
  private static final int RUNS = 2_000;

  @ParameterizedTest
  @CsvSource({
    "21, -973932308",
    "foobar, -790332482",
    "a-little-bit-long-string, -985981536",
    "a-little-bit-longer-string, -1486304829",
    "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8, -58897971",
    "abc, 479470107",
  })
  void theHash_isKafkasMurmur2(String key, int expected) {
    // Kafka's own test vectors (UtilsTest): the hash must never change, or a database's alerts
    // would be looked for in the wrong partition.
    assertThat(Partitioning.murmur2(key)).isEqualTo(expected);
  }

  @Test
  void aFingerprintThatNamesASubject_isKeyedByThatSubject() {
    assertThat(Partitioning.key("hosts|server/nas-01|cpu")).isEqualTo("server/nas-01");
    assertThat(Partitioning.key("odds|event/e1|price_change/1x2/-/1")).isEqualTo("event/e1");
  }

  @Test
  void aFingerprintWithoutSubject_isItsOwnKey() {
    assertThat(Partitioning.key("my-dedup-key")).isEqualTo("my-dedup-key");
    assertThat(Partitioning.key("am:0123456789abcdef")).isEqualTo("am:0123456789abcdef");
    assertThat(Partitioning.key("hosts||disk")).isEqualTo("hosts||disk");
    assertThat(Partitioning.key("a|b")).isEqualTo("a|b");
  }

  @Test
  void oneFingerprint_alwaysLandsInOnePartition_withinRange() {
    Random random = new Random(SEED);
    for (int run = 0; run < RUNS; run++) {
      String fingerprint = randomFingerprint(random);
      Partitioning partitioning = new Partitioning(1 + random.nextInt(64));
      int partition = partitioning.of(fingerprint);
      assertThat(partition).isBetween(0, partitioning.count() - 1);
      assertThat(new Partitioning(partitioning.count()).of(new String(fingerprint)))
          .isEqualTo(partition);
    }
  }

  @Test
  void allAlertsOfOneSubject_shareAPartition_whateverTheirSourceAndType() {
    Random random = new Random(SEED);
    Partitioning partitioning = new Partitioning(16);
    for (int run = 0; run < RUNS; run++) {
      Subject subject = Subject.of(word(random), word(random), null);
      Set<Integer> partitions = new HashSet<>();
      for (int alert = 0; alert < 5; alert++) {
        partitions.add(partitioning.of(Fingerprint.of(null, word(random), subject, word(random))));
      }
      assertThat(partitions).as("partitions of %s", subject).hasSize(1);
    }
  }

  @Test
  void manySubjects_spreadOverEveryPartition() {
    Partitioning partitioning = new Partitioning(16);
    int[] perPartition = new int[16];
    for (int server = 0; server < 16_000; server++) {
      perPartition[partitioning.of("hosts|server/srv-" + server + "|cpu")]++;
    }
    // Even enough to share the load: every partition within a fifth of the mean.
    assertThat(java.util.Arrays.stream(perPartition).boxed().toList())
        .allSatisfy(n -> assertThat(n).isBetween(800, 1200));
  }

  @Test
  void onePartition_takesEverything() {
    assertThat(Partitioning.SINGLE.of("anything at all")).isZero();
  }

  @Test
  void aCountOutsideOneToTheMaximum_isRefused() {
    assertThatThrownBy(() -> new Partitioning(0)).hasMessageContaining("between 1 and 1024");
    assertThatThrownBy(() -> new Partitioning(Partitioning.MAX + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String randomFingerprint(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> word(random);
      case 1 -> Fingerprint.of(null, word(random), null, word(random));
      default ->
          Fingerprint.of(null, word(random), Subject.of(word(random), word(random), null), "t");
    };
  }

  private static String word(Random random) {
    String alphabet = "ab|/%é€😀-x";
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      word.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt(10)]);
    }
    return word.toString();
  }
}
