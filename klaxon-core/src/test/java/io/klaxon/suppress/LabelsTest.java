package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void alertFields_andScalarAttributes_areLabels() {
    Map<String, String> labels =
        Labels.of(
            TestAlerts.open(
                1, Map.of("bookmaker", "pinnacle", "line", 2.5, "meta", Map.of("x", "y"))));

    assertThat(labels)
        .containsEntry("source", "prometheus")
        .containsEntry("type", "disk")
        .containsEntry("severity", "high")
        .containsEntry("status", "open")
        .containsEntry("fingerprint", "fp-1")
        .containsEntry("bookmaker", "pinnacle")
        .containsEntry("line", "2.5")
        .doesNotContainKey("meta");
  }

  @Test
  void alertmanagerLabels_matchUnderTheirBareName_andWinOverKlaxonFields() {
    Map<String, String> labels =
        Labels.of(
            TestAlerts.open(
                1, Map.of("labels.alertname", "DiskFull", "labels.severity", "critical")));

    assertThat(labels)
        .containsEntry("alertname", "DiskFull")
        .containsEntry("severity", "critical")
        .containsEntry("labels.alertname", "DiskFull");
  }
}
