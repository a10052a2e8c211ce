package io.klaxon.notify;

import static io.klaxon.notify.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchAndGroupingTest {

  private final Alert high = alert(5, "hosts", Severity.HIGH, AlertStatus.OPEN);

  @Test
  void everyConditionGivenMustHold() {
    assertThat(
            new Match(
                    Severity.MEDIUM,
                    Set.of("disk"),
                    Set.of("hosts"),
                    Set.of("server"),
                    Map.of("rack", "7"))
                .matches(high))
        .isTrue();
    assertThat(new Match(Severity.CRITICAL, Set.of(), Set.of(), Set.of(), Map.of()).matches(high))
        .isFalse();
    assertThat(new Match(null, Set.of("offline"), Set.of(), Set.of(), Map.of()).matches(high))
        .isFalse();
    assertThat(new Match(null, Set.of(), Set.of(), Set.of("event"), Map.of()).matches(high))
        .isFalse();
    assertThat(new Match(null, Set.of(), Set.of(), Set.of(), Map.of("rack", "8")).matches(high))
        .isFalse();
    assertThat(new Match(null, Set.of(), Set.of(), Set.of(), Map.of("owner", "x")).matches(high))
        .isFalse();
  }

  @Test
  void aGroupKeyIsMadeOfTheChosenFieldsAndEachAlertIsAloneWithoutThem() {
    Grouping grouping =
        new Grouping(
            List.of("source", "subject.type", "attributes.rack"), Duration.ZERO, Duration.ZERO);
    assertThat(grouping.key(high)).isEqualTo("source=hosts&subject.type=server&attributes.rack=7");
    assertThat(Grouping.NONE.key(high)).isEqualTo("alert=5");
  }

  @Test
  void anUnknownGroupingFieldIsRefusedByItsPlace() {
    assertThatThrownBy(
            () -> new Grouping(List.of("source", "colour"), Duration.ZERO, Duration.ZERO))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("groupBy[1]");
  }
}
