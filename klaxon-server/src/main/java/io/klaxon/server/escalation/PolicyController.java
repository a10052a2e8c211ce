package io.klaxon.server.escalation;

import io.klaxon.access.Actor;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.NamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Escalation policies: whom to notify, step by step, while an alert is not acknowledged. */
@RestController
@Tag(name = "on-call")
class PolicyController {

  private final PolicyDirectory policies;
  private final ObjectMapper json;

  PolicyController(PolicyDirectory policies, ObjectMapper json) {
    this.policies = policies;
    this.json = json;
  }

  @GetMapping("/api/escalation-policies")
  @Operation(summary = "Every escalation policy, by name")
  List<PolicyBody> list() {
    return NamedBody.byName(policies.bodies().values());
  }

  @GetMapping("/api/escalation-policies/{name}")
  @Operation(summary = "One escalation policy")
  PolicyBody get(@PathVariable String name) {
    return policies.body(name);
  }

  @PostMapping("/api/escalation-policies")
  @Operation(
      summary = "Add an escalation policy",
      description =
          "name, steps [{afterSeconds (after the previous step; the first after the alert"
              + " opened), notify [receiver:<name> | person:<name> | schedule:<name>]}], repeat"
              + " (how many more times to run the steps, default 0).")
  ResponseEntity<PolicyBody> create(@RequestBody JsonNode body, Actor actor) {
    PolicyBody policy =
        NamedBody.newName(
            FieldErrors.readBody(json, body, PolicyBody.class),
            policies.bodies().keySet(),
            "an escalation policy");
    policies.put(policy, actor);
    return ResponseEntity.created(URI.create("/api/escalation-policies/" + policy.name()))
        .body(policy);
  }

  @PutMapping("/api/escalation-policies/{name}")
  @Operation(summary = "Add or replace an escalation policy")
  PolicyBody put(@PathVariable String name, @RequestBody JsonNode body, Actor actor) {
    PolicyBody policy = NamedBody.atPath(FieldErrors.readBody(json, body, PolicyBody.class), name);
    policies.put(policy, actor);
    return policy;
  }

  @DeleteMapping("/api/escalation-policies/{name}")
  @Operation(summary = "Remove an escalation policy no route names")
  ResponseEntity<Void> delete(@PathVariable String name) {
    policies.delete(name);
    return ResponseEntity.noContent().build();
  }
}
