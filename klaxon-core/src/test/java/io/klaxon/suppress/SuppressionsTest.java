package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

  private static final Instant NOW = TestAlerts.T0;

  private static Silence silence(String matchers, Instant startsAt, Instant endsAt) {
    return new Silence(
        1,
        "uuid-" + matchers,
        List.of(Matchers.parse("m", matchers)),
        startsAt,
        endsAt,
        "ops",
        "why",
        startsAt);
  }

  private static InhibitRule criticalInhibitsWarning() {
    return new InhibitRule(
        "critical-over-warning",
        Matchers.parse("s", "severity=critical"),
        Matchers.parse("t", "severity=warning"),
        List.of("alertname"));
  }

  private static Alert amAlert(long id, String alertname, String severity) {
    return TestAlerts.open(id, Map.of("labels.alertname", alertname, "labels.severity", severity));
  }

  @Test
  void activeMatchingSilence_suppressesUntilItsEnd() {
    Silence silence = silence("alertname=Disk", NOW.minusSeconds(10), NOW.plusSeconds(600));
    Suppressions suppressions =
        new Suppressions(NOW, List.of(silence), List.of(), List.of(), Map.of(), List.of());

    assertThat(suppressions.of(amAlert(1, "Disk", "warning")))
        .containsExactly(
            new Suppressor(SuppressionKind.SILENCE, silence.uuid(), NOW.plusSeconds(600)));
    assertThat(suppressions.of(amAlert(2, "Cpu", "warning"))).isEmpty();
  }

  @Test
  void pendingAndExpiredSilences_suppressNothing() {
    Suppressions suppressions =
        new Suppressions(
            NOW,
            List.of(
                silence("alertname=Disk", NOW.plusSeconds(10), NOW.plusSeconds(600)),
                silence("alertname=Disk", NOW.minusSeconds(600), NOW)),
            List.of(),
            List.of(),
            Map.of(),
            List.of());

    assertThat(suppressions.of(amAlert(1, "Disk", "warning"))).isEmpty();
  }

  @Test
  void anyMatcherSet_isEnough() {
    Silence silence =
        new Silence(
            1,
            "u",
            List.of(Matchers.parse("m", "alertname=Cpu"), Matchers.parse("m", "alertname=Disk")),
            NOW.minusSeconds(1),
            NOW.plusSeconds(1),
            "ops",
            "why",
            NOW);

    assertThat(silence.matches(Labels.of(amAlert(1, "Disk", "x")))).isTrue();
  }

  @Test
  void finalAlerts_areNeverSuppressed() {
    Silence silence = silence("alertname=Disk", NOW.minusSeconds(10), NOW.plusSeconds(600));
    Alert resolved = TestAlerts.alert(1, AlertStatus.RESOLVED, Map.of("labels.alertname", "Disk"));

    assertThat(
            new Suppressions(NOW, List.of(silence), List.of(), List.of(), Map.of(), List.of())
                .of(resolved))
        .isEmpty();
  }

  @Test
  void criticalAlert_inhibitsWarningWithTheSameEqualLabels_only() {
    Alert critical = amAlert(1, "Disk", "critical");
    Alert warning = amAlert(2, "Disk", "warning");
    Alert otherWarning = amAlert(3, "Cpu", "warning");
    Suppressions suppressions =
        new Suppressions(
            NOW,
            List.of(),
            List.of(),
            List.of(criticalInhibitsWarning()),
            Map.of(),
            List.of(critical, warning, otherWarning));

    assertThat(suppressions.of(warning))
        .containsExactly(new Suppressor(SuppressionKind.INHIBITION, "critical-over-warning", null));
    assertThat(suppressions.of(otherWarning)).isEmpty();
    assertThat(suppressions.of(critical)).isEmpty();
  }

  @Test
  void resolvedSource_inhibitsNothing() {
    Alert critical =
        TestAlerts.alert(
            1,
            AlertStatus.RESOLVED,
            Map.of("labels.alertname", "Disk", "labels.severity", "critical"));
    Alert warning = amAlert(2, "Disk", "warning");
    Suppressions suppressions =
        new Suppressions(
            NOW,
            List.of(),
            List.of(),
            List.of(criticalInhibitsWarning()),
            Map.of(),
            List.of(critical, warning));

    assertThat(suppressions.of(warning)).isEmpty();
  }

  @Test
  void alertsMatchingBothSides_neverInhibitEachOther_norThemselves() {
    InhibitRule rule =
        new InhibitRule(
            "any-disk",
            Matchers.parse("s", "alertname=Disk"),
            Matchers.parse("t", "alertname=Disk"),
            List.of());
    Alert one = amAlert(1, "Disk", "warning");
    Alert two = amAlert(2, "Disk", "warning");
    Suppressions suppressions =
        new Suppressions(NOW, List.of(), List.of(), List.of(rule), Map.of(), List.of(one, two));

    assertThat(suppressions.of(one)).isEmpty();
    assertThat(suppressions.of(two)).isEmpty();
  }

  @Test
  void snooze_holdsUntilItsTime() {
    Alert alert = amAlert(7, "Disk", "warning");
    Snooze snooze = new Snooze(7, NOW.plus(Duration.ofHours(1)), "ann", "lunch");

    assertThat(
            new Suppressions(NOW, List.of(), List.of(), List.of(), Map.of(7L, snooze), List.of())
                .of(alert))
        .containsExactly(new Suppressor(SuppressionKind.SNOOZE, "7", snooze.until()));
    assertThat(
            new Suppressions(
                    snooze.until(), List.of(), List.of(), List.of(), Map.of(7L, snooze), List.of())
                .of(alert))
        .isEmpty();
  }

  @Test
  void openMaintenanceWindow_suppressesMatchingAlertsUntilTheOccurrenceEnds() {
    // NOW is Sunday 2026-03-01 10:00 UTC; the window opens every Sunday at 09:00 UTC for 2 hours.
    MaintenanceWindow sundays =
        new MaintenanceWindow(
            42,
            "sunday patching",
            List.of(Matchers.parse("m", "alertname=Disk")),
            new WindowSchedule(
                "FREQ=WEEKLY;BYDAY=SU",
                java.time.LocalTime.of(9, 0),
                java.time.ZoneOffset.UTC,
                Duration.ofHours(2),
                java.time.LocalDate.of(2026, 1, 1),
                null),
            "ops",
            "patching",
            NOW);

    Suppressions now =
        new Suppressions(NOW, List.of(), List.of(sundays), List.of(), Map.of(), List.of());
    Suppressions later =
        new Suppressions(
            NOW.plus(Duration.ofHours(1)),
            List.of(),
            List.of(sundays),
            List.of(),
            Map.of(),
            List.of());

    assertThat(now.of(amAlert(1, "Disk", "warning")))
        .containsExactly(
            new Suppressor(SuppressionKind.WINDOW, "42", Instant.parse("2026-03-01T11:00:00Z")));
    assertThat(now.of(amAlert(2, "Cpu", "warning"))).isEmpty();
    assertThat(later.of(amAlert(1, "Disk", "warning"))).isEmpty();
  }

  @Test
  void inhibitor_isTheActiveSourceWithEqualLabels_neverTheAlertItself() {
    Alert source = amAlert(1, "Disk", "critical");
    Alert target = amAlert(2, "Disk", "warning");
    Alert otherName = amAlert(3, "Cpu", "warning");
    Alert resolvedSource =
        TestAlerts.alert(
            4,
            AlertStatus.RESOLVED,
            Map.of("labels.alertname", "Cpu", "labels.severity", "critical"));
    Suppressions suppressions =
        new Suppressions(
            NOW,
            List.of(),
            List.of(),
            List.of(criticalInhibitsWarning()),
            Map.of(),
            List.of(source, target, otherName, resolvedSource));

    assertThat(suppressions.inhibitor(target.id(), Labels.of(target))).contains(source);
    assertThat(suppressions.inhibitor(otherName.id(), Labels.of(otherName))).isEmpty();
    assertThat(suppressions.inhibitor(source.id(), Labels.of(source))).isEmpty();
    assertThat(suppressions.of(target))
        .containsExactly(new Suppressor(SuppressionKind.INHIBITION, "critical-over-warning", null));
  }
}
