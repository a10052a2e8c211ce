package io.klaxon.server.hosts;

import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.PayloadTooLarge;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The items of a signal request: one object, or an array of them, each with its error path. */
record SignalItems(List<JsonNode> nodes, boolean array) {

  static final int MAX_ITEMS = 10_000;

  /**
   * @throws InvalidInput naming {@code body} when it is neither an object nor a non-empty array
   * @throws PayloadTooLarge for more than {@value #MAX_ITEMS} items
   */
  static SignalItems of(JsonNode body, String what) {
    List<JsonNode> nodes = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(nodes::add);
      if (nodes.isEmpty()) {
        throw new InvalidInput("body", "the array has no " + what + "s");
      }
      if (nodes.size() > MAX_ITEMS) {
        throw new PayloadTooLarge(
            "at most " + MAX_ITEMS + " " + what + "s per request, got " + nodes.size());
      }
      return new SignalItems(nodes, true);
    }
    if (body.isObject()) {
      return new SignalItems(List.of(body), false);
    }
    throw new InvalidInput("body", "must be a " + what + " object or an array of them");
  }

  /** Where item {@code i}'s fields are named: {@code [3].} in an array, nothing for one object. */
  String path(int i) {
    return array ? "[" + i + "]." : "";
  }
}
