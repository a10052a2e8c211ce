package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.OutcomeMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's JSON columns: outcome mappings, sample outcomes, and whole mappings in the audit
 * log. Written and read field by field, so that renaming a Java field cannot make old audit rows
 * unreadable; the names are the API's.
 */
final class MappingJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private MappingJson() {}

  static String outcomes(List<OutcomeMapping> outcomes) {
    return MAPPER.writeValueAsString(outcomeValues(outcomes));
  }

  static List<OutcomeMapping> readOutcomes(String json) {
    return outcomes(MAPPER.readTree(json));
  }

  static String strings(List<String> strings) {
    return MAPPER.writeValueAsString(strings);
  }

  static List<String> readStrings(String json) {
    List<String> strings = new ArrayList<>();
    MAPPER.readTree(json).forEach(node -> strings.add(node.asString()));
    return strings;
  }

  /** A whole mapping, as the audit log keeps it before and after a change. */
  static String mapping(MarketMapping mapping) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", mapping.id());
    value.put("canonicalId", mapping.canonicalId());
    value.put("name", mapping.name());
    value.put("sourceIds", mapping.sourceIds());
    value.put("outcomeMapping", outcomeValues(mapping.outcomeMapping()));
    value.put("priority", mapping.priority());
    value.put("active", mapping.active());
    value.put("createdAt", mapping.createdAt().toString());
    value.put("updatedAt", mapping.updatedAt().toString());
    value.put("createdBy", mapping.createdBy());
    return MAPPER.writeValueAsString(value);
  }

  static MarketMapping readMapping(String json) {
    JsonNode node = MAPPER.readTree(json);
    return new MarketMapping(
        node.get("id").asLong(),
        node.get("canonicalId").asString(),
        node.get("name").asString(),
        stringMap(node.get("sourceIds")),
        outcomes(node.get("outcomeMapping")),
        node.get("priority").asInt(),
        node.get("active").asBoolean(),
        Instant.parse(node.get("createdAt").asString()),
        Instant.parse(node.get("updatedAt").asString()),
        node.get("createdBy").asString());
  }

  private static List<Map<String, Object>> outcomeValues(List<OutcomeMapping> outcomes) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (OutcomeMapping outcome : outcomes) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("canonical", outcome.canonical());
      value.put("sources", outcome.sources());
      values.add(value);
    }
    return values;
  }

  private static List<OutcomeMapping> outcomes(JsonNode array) {
    List<OutcomeMapping> outcomes = new ArrayList<>();
    for (JsonNode outcome : array) {
      outcomes.add(
          new OutcomeMapping(
              outcome.get("canonical").asString(), stringMap(outcome.get("sources"))));
    }
    return outcomes;
  }

  private static Map<String, String> stringMap(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      map.put(entry.getKey(), entry.getValue().asString());
    }
    return map;
  }
}
