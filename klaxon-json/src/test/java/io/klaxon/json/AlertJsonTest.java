package io.klaxon.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.HistoryEntry.FieldChange;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

  @Test
  void equalAttributesAreEqualText_whateverOrderTheyCameIn() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", "x");
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", "x");
    ba.put("a", 1);

    assertThat(AlertJson.write(ab))
        .isEqualTo(AlertJson.write(ba))
        .isEqualTo("{\"a\":1,\"b\":\"x\"}");
  }

  @Test
  void numbersComeBackInTheirTextForm_andTopLevelNullsAreLeftOut() {
    Map<String, Object> read =
        AlertJson.readObject(
            "{\"small\":7,\"long\":9000000000,\"huge\":123456789012345678901234,\"ratio\":0.5,"
                + "\"gone\":null,\"nested\":{\"k\":[1,\"two\"]}}");

    assertThat(read)
        .containsEntry("small", 7)
        .containsEntry("long", 9_000_000_000L)
        .containsEntry("huge", new BigInteger("123456789012345678901234"))
        .containsEntry("ratio", 0.5)
        .doesNotContainKey("gone");
    assertThat(AlertJson.text(read.get("nested"))).isEqualTo("{\"k\":[1,\"two\"]}");
    assertThat(AlertJson.text(read.get("ratio"))).isEqualTo("0.5");
    assertThat(AlertJson.text("plain")).isEqualTo("plain");
  }

  @Test
  void historyChangesRoundTrip() {
    List<FieldChange> changes =
        List.of(
            new FieldChange("severity", "high", "critical"), new FieldChange("note", null, "x"));

    assertThat(AlertJson.readChanges(AlertJson.write(changes))).isEqualTo(changes);
  }
}
