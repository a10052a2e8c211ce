package io.klaxon.server.escalation;

import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationPolicy;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.escalation.Target;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds the alert's escalations to the console's alert page (policy, step, next at, to whom), so the
 * alert pages need not know about escalation.
 */
final class EscalationPanel implements HandlerInterceptor {

  static final String VIEW = "console/alert";

  /** One escalation as the page shows it. */
  record Row(
      String policy,
      String route,
      String state,
      @Nullable String step,
      @Nullable Instant nextAt,
      @Nullable String nextTo,
      @Nullable Instant lastStepAt,
      @Nullable String lastNotified) {}

  private final EscalationStore store;
  private final PolicyDirectory policies;

  EscalationPanel(EscalationStore store, PolicyDirectory policies) {
    this.store = store;
    this.policies = policies;
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView view) {
    if (view == null || !VIEW.equals(view.getViewName())) {
      return;
    }
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (!(variables instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
      return;
    }
    try {
      view.addObject("escalations", rows(Long.parseLong(id)));
    } catch (NumberFormatException e) {
      // Not an alert page's id; the page answers for itself.
    }
  }

  List<Row> rows(long alertId) {
    return store.ofAlert(alertId).stream().map(this::row).toList();
  }

  private Row row(Escalation escalation) {
    Optional<EscalationPolicy> policy = policies.policy(escalation.policy());
    Optional<EscalationPolicy.Step> next =
        escalation.running()
            ? policy.flatMap(p -> p.step(escalation.round(), escalation.step()))
            : Optional.empty();
    String step =
        policy
            .map(
                p ->
                    "step "
                        + (escalation.step() + 1)
                        + " of "
                        + p.steps().size()
                        + (escalation.round() > 0
                            ? ", repeat " + escalation.round() + " of " + p.repeat()
                            : ""))
            .orElse(null);
    return new Row(
        escalation.policy(),
        escalation.route(),
        escalation.running() ? "running" : "ended: " + escalation.endReason(),
        escalation.running() ? step : null,
        escalation.nextAt(),
        next.map(s -> s.targets().stream().map(Target::text).collect(Collectors.joining(", ")))
            .orElse(null),
        escalation.lastStepAt(),
        escalation.lastNotified());
  }
}
