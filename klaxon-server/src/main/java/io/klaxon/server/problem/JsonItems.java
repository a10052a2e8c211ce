package io.klaxon.server.problem;

import io.klaxon.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The items of a body that holds one object or an array of them, as producers send signals and
 * events; {@link #path} names an item in error messages ({@code [3].} in an array, nothing alone).
 */
public record JsonItems(List<JsonNode> items, boolean array) {

  /**
   * The items of a body that is one object or an array of them.
   *
   * @param what the items' name for messages, plural ("events", "decisions")
   * @throws InvalidInput when the body is neither an object nor a non-empty array
   * @throws PayloadTooLarge when it has more than {@code max} items
   */
  public static JsonItems of(JsonNode body, int max, String what) {
    List<JsonNode> items = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(items::add);
    } else if (body.isObject()) {
      items.add(body);
    } else {
      throw new InvalidInput("body", "must be an object or an array of " + what);
    }
    if (items.isEmpty()) {
      throw new InvalidInput("body", "the array has no " + what);
    }
    if (items.size() > max) {
      throw new PayloadTooLarge(
          "at most " + max + " " + what + " per request, got " + items.size());
    }
    return new JsonItems(List.copyOf(items), body.isArray());
  }

  public int size() {
    return items.size();
  }

  public JsonNode get(int index) {
    return items.get(index);
  }

  /** The prefix of field names of item {@code index}. */
  public String path(int index) {
    return array ? "[" + index + "]." : "";
  }
}
