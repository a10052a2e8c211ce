package io.klaxon.server.escalation;

import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The escalations of an alert: which policy, the step that fires next, when, and whom it told. */
@RestController
@Tag(name = "on-call")
class EscalationController {

  private final EscalationStore store;

  EscalationController(EscalationStore store) {
    this.store = store;
  }

  @GetMapping("/api/alerts/{id}/escalations")
  @Operation(summary = "The escalations of an alert, oldest first")
  List<Escalation> ofAlert(@PathVariable long id) {
    return store.ofAlert(id);
  }
}
