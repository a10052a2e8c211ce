package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.alert.AlertView;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.Labels;
import io.klaxon.suppress.Suppressions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Klaxon's inhibition rule API (Alertmanager's semantics): list, read, add, add or replace, delete,
 * and preview which active alerts a rule would inhibit now.
 */
@RestController
@RequestMapping("/api/inhibit-rules")
@Tag(name = "inhibition rules")
class InhibitRulesController {

  private final InhibitRuleStore store;
  private final ActiveAlertReader active;
  private final SuppressionSweep sweep;
  private final InstantSource clock;

  InhibitRulesController(
      InhibitRuleStore store,
      ActiveAlertReader active,
      SuppressionSweep sweep,
      InstantSource clock) {
    this.store = store;
    this.active = active;
    this.sweep = sweep;
    this.clock = clock;
  }

  /** An alert the rule would inhibit, and the active alert that would inhibit it. */
  record Inhibited(AlertView alert, long inhibitedBy) {}

  /** What a rule would do now. */
  record Preview(List<Inhibited> alerts, long total) {}

  @GetMapping
  @Operation(summary = "Every inhibition rule, by name")
  List<InhibitRuleBody> list() {
    return store.all().stream().map(InhibitRuleBody::of).toList();
  }

  @GetMapping("/{name}")
  @Operation(summary = "One inhibition rule")
  InhibitRuleBody get(@PathVariable String name) {
    return InhibitRuleBody.of(
        store.find(name).orElseThrow(() -> new NotFound("inhibition rule", name)));
  }

  @PostMapping
  @Operation(
      summary = "Add an inhibition rule; 409 when the name is taken",
      description =
          "{name, sourceMatchers, targetMatchers, equal}: an active alert matching targetMatchers"
              + " is inhibited while another active alert matches sourceMatchers with the same"
              + " values of the equal labels (Alertmanager's semantics).")
  ResponseEntity<InhibitRuleBody> create(@RequestBody InhibitRuleBody body, Actor actor) {
    InhibitRule rule = check(body);
    if (store.find(rule.name()).isPresent()) {
      throw new Conflict(
          "name",
          "an inhibition rule named "
              + rule.name()
              + " exists; PUT /api/inhibit-rules/"
              + rule.name()
              + " replaces it");
    }
    store.put(rule, actor.name());
    sweep.wake();
    return ResponseEntity.created(URI.create("/api/inhibit-rules/" + rule.name()))
        .body(InhibitRuleBody.of(rule));
  }

  @PutMapping("/{name}")
  @Operation(summary = "Add or replace an inhibition rule")
  InhibitRuleBody put(@PathVariable String name, @RequestBody InhibitRuleBody body, Actor actor) {
    if (body.name() != null && !body.name().equals(name)) {
      throw new InvalidInput("name", "must be the name in the path, " + name + ", or left out");
    }
    InhibitRule rule = check(body.named(name));
    store.put(rule, actor.name());
    sweep.wake();
    return InhibitRuleBody.of(rule);
  }

  @DeleteMapping("/{name}")
  @Operation(summary = "Remove an inhibition rule; the alerts it held are released")
  ResponseEntity<Void> delete(@PathVariable String name) {
    if (!store.delete(name)) {
      throw new NotFound("inhibition rule", name);
    }
    sweep.wake();
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/preview")
  @Operation(
      summary =
          "The active alerts a rule would inhibit now, each with its inhibitor; saves nothing")
  Preview preview(@RequestBody InhibitRuleBody body) {
    InhibitRule rule = check(body.name() == null ? body.named("preview") : body);
    List<Alert> alerts = active.all();
    Suppressions suppressions =
        new Suppressions(clock.instant(), List.of(), List.of(), List.of(rule), Map.of(), alerts);
    List<Inhibited> found = new ArrayList<>();
    for (Alert alert : alerts) {
      Optional<Alert> source = suppressions.inhibitor(alert.id(), Labels.of(alert));
      source.ifPresent(by -> found.add(new Inhibited(AlertView.of(alert), by.id())));
    }
    return new Preview(found, found.size());
  }

  private static InhibitRule check(@Nullable InhibitRuleBody body) {
    if (body == null) {
      throw new InvalidInput("body", "an inhibition rule is required");
    }
    FieldErrors errors = new FieldErrors();
    InhibitRule rule = body.toRule("", errors);
    errors.throwIfAny();
    return Objects.requireNonNull(rule, "a rule without faults is made");
  }
}
