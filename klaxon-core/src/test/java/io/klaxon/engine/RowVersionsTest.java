package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The materializer's lagging row versions answer as a map would, through growth and removals. */
class RowVersionsTest {

  @Test
  void answersAsAMapThroughInsertsRemovalsAndClears() {
    Random random = new Random(22);
    RowVersions versions = new RowVersions();
    Map<Long, Long> expected = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      // Few ids, so that runs of colliding cells form and removals shift them back.
      long id = 1 + random.nextInt(step < 100_000 ? 300 : 5_000);
      switch (random.nextInt(10)) {
        case 0, 1, 2 -> {
          versions.remove(id);
          expected.remove(id);
        }
        case 3 -> {
          if (random.nextInt(500) == 0) {
            versions.clear();
            expected.clear();
          }
        }
        default -> {
          long version = random.nextInt(1_000);
          versions.putIfAbsent(id, version);
          expected.putIfAbsent(id, version);
        }
      }
      long probe = 1 + random.nextInt(5_000);
      assertThat(versions.get(probe)).isEqualTo(expected.getOrDefault(probe, RowVersions.NONE));
    }
    assertThat(versions.size()).isEqualTo(expected.size());
    Set<Long> ids = new HashSet<>();
    versions.forEachId(ids::add);
    assertThat(ids).isEqualTo(expected.keySet());
    for (Map.Entry<Long, Long> entry : expected.entrySet()) {
      assertThat(versions.get(entry.getKey())).isEqualTo(entry.getValue());
    }
  }

  @Test
  void aClearedTableHoldsNothing() {
    RowVersions versions = new RowVersions();
    for (long id = 1; id <= 1_000; id++) {
      versions.putIfAbsent(id, id);
    }
    versions.clear();
    assertThat(versions.isEmpty()).isTrue();
    assertThat(versions.get(7)).isEqualTo(RowVersions.NONE);
    Set<Long> left = new HashSet<>();
    versions.forEachId(left::add);
    assertThat(left).isEmpty();
  }
}
