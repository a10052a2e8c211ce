package io.klaxon.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

  private static EscalationPolicy.Step step(long seconds, String... targets) {
    return new EscalationPolicy.Step(
        Duration.ofSeconds(seconds),
        java.util.Arrays.stream(targets).map(t -> Target.parse("notify", t)).toList());
  }

  @Test
  void afterTheLastStepARepeatingPolicyStartsOverAndThenIsDone() {
    EscalationPolicy policy =
        new EscalationPolicy("ops", List.of(step(0, "receiver:a"), step(300, "person:b")), 1);

    assertThat(policy.after(0, 0)).contains(new EscalationPolicy.Position(0, 1));
    assertThat(policy.after(0, 1)).contains(new EscalationPolicy.Position(1, 0));
    assertThat(policy.after(1, 1)).isEmpty();
    assertThat(policy.step(2, 0)).isEmpty();
  }

  @Test
  void targetsAreReceiversPeopleOrSchedulesByTheirPrefix() {
    assertThat(Target.parse("f", "schedule:primary"))
        .isEqualTo(new Target.ScheduleTarget("primary"));
    assertThat(Target.parse("f", "person:alice").text()).isEqualTo("person:alice");
    assertThatThrownBy(() -> Target.parse("steps[0].notify[0]", "team:x"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("steps[0].notify[0]");
  }

  @Test
  void aPolicyNeedsStepsAndAStepNeedsTargetsAndNoNegativeDelay() {
    assertThatThrownBy(() -> new EscalationPolicy("ops", List.of(), 0))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> step(-1, "receiver:a")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> step(0)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void theGroupKeyOfAStepToAPersonNamesThePerson() {
    Escalation escalation =
        new Escalation(7, 42, "ops", "critical", 0, 1, null, Instant.EPOCH, null, null, null);

    assertThat(EscalationKey.person(EscalationKey.of(escalation, Optional.of("alice"))))
        .contains("alice");
    assertThat(EscalationKey.person(EscalationKey.of(escalation, Optional.empty()))).isEmpty();
    assertThat(EscalationKey.person("severity=critical person:mallory")).isEmpty();
  }
}
