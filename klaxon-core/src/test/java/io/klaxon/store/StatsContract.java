package io.klaxon.store;

import static io.klaxon.store.QueryBuilder.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts under a query's filters, broken down four ways, with every status and severity. */
public interface StatsContract extends QueryContract {

  static Map<Severity, Long> severityCounts(
      long critical, long high, long medium, long low, long info) {
    return Map.of(
        Severity.CRITICAL,
        critical,
        Severity.HIGH,
        high,
        Severity.MEDIUM,
        medium,
        Severity.LOW,
        low,
        Severity.INFO,
        info);
  }

  @Test
  default void statsOfAnEmptyStoreAreZeroForEveryStatusAndSeverity() {
    AlertStats stats = store().stats(AlertQuery.all());

    assertThat(stats.total()).isZero();
    assertThat(stats.byStatus()).isEqualTo(AlertStoreFixture.statusCounts(0, 0, 0, 0, 0));
    assertThat(stats.bySeverity()).isEqualTo(severityCounts(0, 0, 0, 0, 0));
    assertThat(stats.byType()).isEmpty();
    assertThat(stats.bySource()).isEmpty();
  }

  @Test
  default void statsCountEveryAlertFourWays() {
    createSixAlerts();

    AlertStats stats = store().stats(AlertQuery.all());

    assertThat(stats.total()).isEqualTo(6);
    assertThat(stats.byStatus()).isEqualTo(AlertStoreFixture.statusCounts(2, 1, 1, 1, 1));
    assertThat(stats.bySeverity()).isEqualTo(severityCounts(2, 1, 1, 1, 1));
    assertThat(stats.byType())
        .isEqualTo(
            Map.of("disk", 1L, "cpu", 1L, "price_change", 2L, "offline", 1L, "take_profit", 1L));
    assertThat(stats.bySource()).isEqualTo(Map.of("hosts", 3L, "odds", 2L, "decisions", 1L));
  }

  @Test
  default void statsCountOnlyWhatTheFiltersKeep() {
    createSixAlerts();

    var hosts = query().sources("hosts").statuses(AlertStatus.OPEN, AlertStatus.EXPIRED);
    AlertStats stats = store().stats(hosts.build());

    assertThat(stats.total()).isEqualTo(2);
    assertThat(stats.byStatus()).isEqualTo(AlertStoreFixture.statusCounts(1, 0, 0, 0, 1));
    assertThat(stats.bySeverity()).isEqualTo(severityCounts(1, 0, 0, 0, 1));
    assertThat(stats.byType()).isEqualTo(Map.of("disk", 1L, "offline", 1L));
    assertThat(stats.bySource()).isEqualTo(Map.of("hosts", 2L));
  }
}
