package io.klaxon.server.escalation;

import io.klaxon.access.Actor;
import io.klaxon.escalation.EscalationPolicy;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NotificationStore;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import io.klaxon.server.notify.RoutePolicies;
import io.klaxon.server.oncall.OnCallDirectory;
import io.klaxon.server.problem.FieldErrors;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Escalation policies, kept as the documents they were given as (in {@code notify_config}, kind
 * {@code policy}) and checked against the receivers, people and schedules they notify on every
 * change; a policy a route names cannot be deleted.
 */
final class PolicyDirectory {

  private final NotificationStore store;
  private final OnCallDirectory onCall;
  private final RoutePolicies routes;
  private final ObjectMapper json;
  private final InstantSource clock;

  PolicyDirectory(
      NotificationStore store,
      OnCallDirectory onCall,
      RoutePolicies routes,
      ObjectMapper json,
      InstantSource clock) {
    this.store = store;
    this.onCall = onCall;
    this.routes = routes;
    this.json = json;
    this.clock = clock;
  }

  Map<String, PolicyBody> bodies() {
    Map<String, PolicyBody> bodies = new LinkedHashMap<>();
    for (ConfigDocument document : store.documents(ConfigKind.POLICY)) {
      @Nullable PolicyBody body = json.readValue(document.json(), PolicyBody.class);
      if (body != null) {
        bodies.put(document.name(), body);
      }
    }
    return bodies;
  }

  PolicyBody body(String name) {
    PolicyBody body = bodies().get(name);
    if (body == null) {
      throw new NotFound("escalation policy", name);
    }
    return body;
  }

  /** The policy as it runs, empty when there is none of that name or it no longer checks. */
  Optional<EscalationPolicy> policy(String name) {
    PolicyBody body = bodies().get(name);
    return body == null
        ? Optional.empty()
        : Optional.ofNullable(body.toPolicy(new FieldErrors(), known()));
  }

  /**
   * @throws io.klaxon.problem.InvalidInput naming every wrong field; nothing is written then
   */
  synchronized void put(PolicyBody body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    body.toPolicy(errors, known());
    errors.throwIfAny();
    store.putDocument(
        ConfigKind.POLICY,
        Objects.requireNonNull(body.name()),
        json.writeValueAsString(body),
        actor,
        clock.instant());
  }

  /**
   * @throws Conflict naming the routes that still start the policy
   */
  synchronized void delete(String name) {
    body(name);
    List<String> users = routes.routesNaming(name);
    if (!users.isEmpty()) {
      throw new Conflict(
          "name",
          "escalation policy " + name + " is named by the routes " + users + "; change them first");
    }
    store.deleteDocument(ConfigKind.POLICY, name);
  }

  private PolicyBody.Known known() {
    Set<String> receivers =
        store.documents(ConfigKind.RECEIVER).stream()
            .map(ConfigDocument::name)
            .collect(Collectors.toUnmodifiableSet());
    return new PolicyBody.Known(receivers, onCall.personNames(), onCall.scheduleNames());
  }
}
