package io.klaxon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A compact attribute map behaves as any other immutable map of the same entries. */
class AttributeMapTest {

  private static final AttributeMap.Names NAMES =
      AttributeMap.Names.of(List.of("labels.job", "labels.instance", "count"));

  private final Map<String, Object> expected =
      Map.of("labels.job", "node", "labels.instance", "host-1", "count", 3L);

  private final AttributeMap map = AttributeMap.of(NAMES, expected::get);

  @Test
  void itIsEqualToAMapOfTheSameEntriesBothWays() {
    assertThat(map).isEqualTo(expected);
    assertThat(expected).isEqualTo(map);
    assertThat(new HashMap<>(expected)).isEqualTo(map);
    assertThat(map.hashCode()).isEqualTo(expected.hashCode());
    assertThat(map).isNotEqualTo(Map.of("labels.job", "node"));
  }

  @Test
  void itAnswersLookupsLikeAMap() {
    assertThat(map.get("labels.instance")).isEqualTo("host-1");
    assertThat(map.get(new String("count".toCharArray()))).isEqualTo(3L);
    assertThat(map.get("missing")).isNull();
    assertThat(map.get(null)).isNull();
    assertThat(map.containsKey("labels.job")).isTrue();
    assertThat(map.keySet()).containsExactly("labels.job", "labels.instance", "count");
    assertThat(map.values()).containsExactly("node", "host-1", 3L);
    assertThat(map).hasSize(3);
  }

  @Test
  void itCannotBeChanged() {
    assertThatThrownBy(() -> map.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("count")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.keySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anAlertKeepsItAsItIs() {
    Alert alert =
        new Alert(
            1,
            "fp",
            "src",
            "type",
            Severity.LOW,
            AlertStatus.OPEN,
            "title",
            null,
            null,
            null,
            null,
            null,
            null,
            map,
            1,
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            1,
            List.of());

    assertThat(alert.attributes()).isSameAs(map);
  }

  @Test
  void aMissingValueOrATwiceGivenNameIsRefused() {
    assertThatThrownBy(() -> AttributeMap.of(NAMES, name -> null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AttributeMap.Names.of(List.of("a", "b", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
  }
}
