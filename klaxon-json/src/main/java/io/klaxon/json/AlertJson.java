package io.klaxon.json;

import io.klaxon.alert.HistoryEntry.FieldChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of the alert stores (SQLite, PostgreSQL, Delta): attribute objects and history
 * changes.
 *
 * <p>Map keys are written sorted, so that equal attributes are equal text: SQLite compares the text
 * when it decides whether a subject changed. Numbers come back as Jackson reads them (Integer, Long
 * or BigInteger for integers, Double otherwise), so their text form survives.
 */
public final class AlertJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

  private AlertJson() {}

  /** An attribute object as JSON text, keys sorted. */
  public static String write(Map<String, Object> attributes) {
    return MAPPER.writeValueAsString(attributes);
  }

  /** History changes as a JSON array. */
  public static String write(List<FieldChange> changes) {
    return MAPPER.writeValueAsString(changes);
  }

  /** An attribute object; a top-level null (never written by Klaxon) is left out. */
  public static Map<String, Object> readObject(String json) {
    Map<String, Object> read = MAPPER.readValue(json, OBJECT);
    Map<String, Object> attributes = new LinkedHashMap<>();
    read.forEach(
        (key, value) -> {
          if (value != null) {
            attributes.put(key, value);
          }
        });
    return attributes;
  }

  /** History changes as {@link #write(List)} wrote them. */
  public static List<FieldChange> readChanges(String json) {
    return MAPPER.readValue(json, CHANGES);
  }

  /**
   * An attribute value as text, the form queries compare with: strings as they are, numbers and
   * booleans as JSON writes them, lists and objects as JSON text.
   */
  public static String text(Object value) {
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return MAPPER.writeValueAsString(value);
    }
    return String.valueOf(value);
  }
}
