package io.klaxon.server.notify;

import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NotificationStore;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Which escalation policies notify a target ({@code receiver:x}, {@code person:x}, {@code
 * schedule:x}): read from the stored documents as JSON, so that whoever deletes a receiver, person
 * or schedule can refuse while a policy still needs it.
 */
public final class PolicyUsers {

  private PolicyUsers() {}

  /** The names of the policies with a step that notifies {@code target}, sorted. */
  public static List<String> of(NotificationStore store, ObjectMapper json, String target) {
    TreeSet<String> users = new TreeSet<>();
    for (ConfigDocument policy : store.documents(ConfigKind.POLICY)) {
      for (JsonNode step : json.readTree(policy.json()).path("steps")) {
        for (JsonNode notified : step.path("notify")) {
          if (notified.asString().equals(target)) {
            users.add(policy.name());
          }
        }
      }
    }
    return List.copyOf(users);
  }
}
