package io.klaxon.server.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.klaxon.escalation.EscalationPolicy;
import io.klaxon.escalation.Target;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.NamedBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An escalation policy as the API gives and stores it: {@code steps}, each {@code afterSeconds}
 * (after the previous step, the first after the alert opened) and whom to {@code notify}, and how
 * many times to {@code repeat} the steps after the last.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PolicyBody(@Nullable String name, @Nullable List<StepBody> steps, @Nullable Integer repeat)
    implements NamedBody<PolicyBody> {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** One step as given. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StepBody(
      @Nullable Long afterSeconds, @JsonProperty("notify") @Nullable List<String> targets) {}

  /** The names that exist, to check the targets against. */
  record Known(Set<String> receivers, Set<String> people, Set<String> schedules) {}

  @Override
  public PolicyBody named(String newName) {
    return new PolicyBody(newName, steps, repeat);
  }

  /** The policy, or null with every fault recorded in {@code errors}. */
  @Nullable EscalationPolicy toPolicy(FieldErrors errors, Known known) {
    int before = errors.size();
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add(
          "name",
          "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (steps == null || steps.isEmpty()) {
      errors.add("steps", "needs at least one step");
    }
    if (repeat != null && repeat < 0) {
      errors.add("repeat", "must not be negative");
    }
    List<EscalationPolicy.Step> parsed = new ArrayList<>();
    List<StepBody> given = steps == null ? List.of() : steps;
    for (int i = 0; i < given.size(); i++) {
      EscalationPolicy.Step step = step(errors, "steps[" + i + "].", given.get(i), known);
      if (step != null) {
        parsed.add(step);
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return errors.attempt(
        "",
        () ->
            new EscalationPolicy(
                Objects.requireNonNull(name), parsed, repeat == null ? 0 : repeat));
  }

  private static EscalationPolicy.@Nullable Step step(
      FieldErrors errors, String prefix, @Nullable StepBody body, Known known) {
    if (body == null) {
      errors.add(prefix.substring(0, prefix.length() - 1), "is required");
      return null;
    }
    int before = errors.size();
    long after = body.afterSeconds() == null ? 0 : body.afterSeconds();
    if (after < 0) {
      errors.add(prefix + "afterSeconds", "must not be negative");
    }
    List<String> notify = body.targets() == null ? List.of() : body.targets();
    if (notify.isEmpty()) {
      errors.add(prefix + "notify", "needs at least one receiver, person or schedule");
    }
    List<Target> targets = new ArrayList<>();
    for (int j = 0; j < notify.size(); j++) {
      String field = prefix + "notify[" + j + "]";
      String text = notify.get(j) == null ? "" : notify.get(j);
      Target target = errors.attempt("", () -> Target.parse(field, text));
      if (target == null) {
        continue;
      }
      Set<String> names =
          switch (target) {
            case Target.ReceiverTarget r -> known.receivers();
            case Target.PersonTarget p -> known.people();
            case Target.ScheduleTarget s -> known.schedules();
          };
      if (!names.contains(target.name())) {
        errors.add(
            field,
            "no " + text.substring(0, text.indexOf(':')) + " is named '" + target.name() + "'");
      }
      targets.add(target);
    }
    if (errors.size() > before) {
      return null;
    }
    return new EscalationPolicy.Step(Duration.ofSeconds(after), targets);
  }
}
