package io.klaxon.lake;

import io.klaxon.alert.HistoryEntry.FieldChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns: attribute objects and history changes, keys sorted so that equal values are
 * equal text. Numbers come back as Jackson reads them (Integer, Long or BigInteger for integers,
 * Double otherwise), as from the JDBC store.
 */
final class LakeJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

  private LakeJson() {}

  static String write(Map<String, Object> attributes) {
    return MAPPER.writeValueAsString(attributes);
  }

  static String write(List<FieldChange> changes) {
    return MAPPER.writeValueAsString(changes);
  }

  static Map<String, Object> readObject(String json) {
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

  static List<FieldChange> readChanges(String json) {
    return MAPPER.readValue(json, CHANGES);
  }

  /**
   * An attribute value as text, the form queries compare with: strings as they are, numbers and
   * booleans as JSON writes them, lists and objects as JSON text.
   */
  static String text(Object value) {
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return MAPPER.writeValueAsString(value);
    }
    return String.valueOf(value);
  }
}
