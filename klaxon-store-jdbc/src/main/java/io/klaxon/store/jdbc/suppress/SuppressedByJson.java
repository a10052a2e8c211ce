package io.klaxon.store.jdbc.suppress;

import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An alert's {@code suppressed_by} column: a JSON array of {kind, id, until}; null when empty. */
public final class SuppressedByJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<List<Map<String, @Nullable String>>> LIST =
      new TypeReference<>() {};

  private SuppressedByJson() {}

  /** The column's text, null for an alert that nothing suppresses. */
  public static @Nullable String write(List<Suppressor> suppressors) {
    if (suppressors.isEmpty()) {
      return null;
    }
    List<Map<String, @Nullable String>> rows = new ArrayList<>();
    for (Suppressor suppressor : suppressors) {
      Map<String, @Nullable String> row = new LinkedHashMap<>();
      row.put("kind", suppressor.kind().word());
      row.put("id", suppressor.id());
      row.put("until", suppressor.until() == null ? null : suppressor.until().toString());
      rows.add(row);
    }
    return MAPPER.writeValueAsString(rows);
  }

  /** The suppressors of the column's text; empty for null. */
  public static List<Suppressor> read(@Nullable String json) {
    if (json == null) {
      return List.of();
    }
    List<Suppressor> suppressors = new ArrayList<>();
    for (Map<String, @Nullable String> row : MAPPER.readValue(json, LIST)) {
      String until = row.get("until");
      suppressors.add(
          new Suppressor(
              SuppressionKind.parse(String.valueOf(row.get("kind"))),
              String.valueOf(row.get("id")),
              until == null ? null : Instant.parse(until)));
    }
    return suppressors;
  }
}
