package io.klaxon.notify;

import static io.klaxon.notify.Alerts.T0;
import static io.klaxon.notify.Alerts.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class OccasionTest {

  @Test
  void statusChangesKeepTheirNameAndCreationIsOpened() {
    assertThat(Occasion.of(entry(1, HistoryAction.CREATED, null, AlertStatus.OPEN, T0)))
        .contains(Occasion.OPENED);
    assertThat(
            Occasion.of(
                entry(
                    1, HistoryAction.ACKNOWLEDGED, AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, T0)))
        .contains(Occasion.ACKNOWLEDGED);
    assertThat(
            Occasion.of(
                entry(1, HistoryAction.RESOLVED, AlertStatus.OPEN, AlertStatus.RESOLVED, T0)))
        .contains(Occasion.RESOLVED);
    assertThat(
            Occasion.of(entry(1, HistoryAction.EXPIRED, AlertStatus.OPEN, AlertStatus.EXPIRED, T0)))
        .contains(Occasion.EXPIRED);
    assertThat(Occasion.of(entry(1, HistoryAction.NOTED, AlertStatus.OPEN, AlertStatus.OPEN, T0)))
        .isEmpty();
    assertThat(
            Occasion.of(
                entry(1, HistoryAction.DISMISSED, AlertStatus.OPEN, AlertStatus.DISMISSED, T0)))
        .isEmpty();
  }

  @Test
  void aReTriggerEscalatesOnlyWhenItRaisesTheSeverity() {
    assertThat(
            Occasion.of(
                entry(
                    1,
                    HistoryAction.RETRIGGERED,
                    AlertStatus.OPEN,
                    AlertStatus.OPEN,
                    T0,
                    new FieldChange("severity", "medium", "critical"))))
        .contains(Occasion.ESCALATED);
    assertThat(
            Occasion.of(
                entry(
                    1,
                    HistoryAction.RETRIGGERED,
                    AlertStatus.OPEN,
                    AlertStatus.OPEN,
                    T0,
                    new FieldChange("severity", "critical", "low"))))
        .isEmpty();
    assertThat(
            Occasion.of(
                entry(
                    1,
                    HistoryAction.RETRIGGERED,
                    AlertStatus.OPEN,
                    AlertStatus.OPEN,
                    T0,
                    new FieldChange("occurrences", "1", "2"))))
        .isEmpty();
  }

  @Test
  void routesChooseAmongTheFiveOccasionsByWord() {
    assertThat(Occasion.parse("notifyOn[0]", "Resolved")).isEqualTo(Occasion.RESOLVED);
    assertThatThrownBy(() -> Occasion.parse("notifyOn[1]", "repeated"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("notifyOn[1]");
  }
}
