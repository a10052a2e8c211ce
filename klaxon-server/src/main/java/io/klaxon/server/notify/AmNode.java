package io.klaxon.server.notify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One mapping of an {@code alertmanager.yml}, read key by key: every key read is taken, keys
 * skipped are listed with their reason, and {@link #rest} lists the keys nobody read, so that
 * nothing in the file is dropped without a word.
 */
final class AmNode {

  private final JsonNode node;
  private final String path;
  private final AmReport report;
  private final Set<String> used = new HashSet<>();

  AmNode(JsonNode node, String path, AmReport report) {
    this.node = node;
    this.path = path;
    this.report = report;
  }

  String path() {
    return path;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** A scalar as text; null when absent. A mapping or a list is a fault. */
  @Nullable String text(String key) {
    used.add(key);
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isContainer()) {
      report.errors.add(path(key), "must be a single value");
      return null;
    }
    return value.asString();
  }

  /** A scalar as text without taking it; null when absent or not a scalar. */
  @Nullable String peek(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() || value.isContainer() ? null : value.asString();
  }

  /** A boolean; {@code fallback} when absent. */
  boolean flag(String key, boolean fallback) {
    String text = text(key);
    if (text == null) {
      return fallback;
    }
    if (!text.equals("true") && !text.equals("false")) {
      report.errors.add(path(key), "must be true or false");
      return fallback;
    }
    return Boolean.parseBoolean(text);
  }

  /** A secret given inline or, as {@code key_file}, in a file; null when neither. */
  @Nullable String secret(String key) {
    String inline = text(key);
    String file = text(key + "_file");
    if (inline != null && file != null) {
      report.errors.add(path(key), "give " + key + " or " + key + "_file, not both");
    }
    return file != null ? report.readFile(path(key + "_file"), file) : inline;
  }

  @Nullable AmNode object(String key) {
    used.add(key);
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      report.errors.add(path(key), "must be a mapping");
      return null;
    }
    return new AmNode(value, path(key), report);
  }

  List<AmNode> objects(String key) {
    List<AmNode> found = new ArrayList<>();
    JsonNode value = list(key);
    for (int i = 0; value != null && i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isObject()) {
        report.errors.add(path(key) + "[" + i + "]", "must be a mapping");
      } else {
        found.add(new AmNode(item, path(key) + "[" + i + "]", report));
      }
    }
    return found;
  }

  /** A list of scalars; null when absent. */
  @Nullable List<String> texts(String key) {
    JsonNode value = list(key);
    if (value == null) {
      return null;
    }
    List<String> found = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isContainer()) {
        report.errors.add(path(key) + "[" + i + "]", "must be a single value");
      } else {
        found.add(value.get(i).asString());
      }
    }
    return found;
  }

  /** A mapping of scalars, in the file's order; null when absent. */
  @Nullable Map<String, String> textMap(String key) {
    AmNode object = object(key);
    if (object == null) {
      return null;
    }
    Map<String, String> found = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : object.node.properties()) {
      if (entry.getValue().isContainer()) {
        report.errors.add(object.path(entry.getKey()), "must be a single value");
      } else {
        found.put(entry.getKey(), entry.getValue().asString());
      }
    }
    return found;
  }

  private @Nullable JsonNode list(String key) {
    used.add(key);
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      report.errors.add(path(key), "must be a list");
      return null;
    }
    return value;
  }

  /** Lists the key, when given, as not taken for this reason. */
  void skip(String key, String reason) {
    used.add(key);
    if (has(key)) {
      report.notTaken(path(key), reason);
    }
  }

  /** Lists every key not read as not taken. */
  void rest() {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!used.contains(entry.getKey()) && !entry.getValue().isNull()) {
        report.notTaken(path(entry.getKey()), "not a setting Klaxon knows");
      }
    }
  }
}
