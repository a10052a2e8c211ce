package io.klaxon.store;

import static io.klaxon.store.AlertBuilder.T0;
import static io.klaxon.store.AlertBuilder.alert;
import static io.klaxon.store.AlertStoreFixture.ids;
import static io.klaxon.store.QueryBuilder.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every order of a list, ending on the id, so that paging through it is stable. */
public interface OrderContract extends AlertStoreFixture {

  /** Eleven alerts with many ties in time and severity, stored out of id order. */
  default List<Alert> createTiedAlerts() {
    List<Alert> alerts = new ArrayList<>();
    Severity[] severities = Severity.values();
    for (long id : new long[] {7, 3, 11, 1, 5, 9, 2, 10, 4, 8, 6}) {
      alerts.add(
          alert(id)
              .severity(severities[(int) (id % severities.length)])
              .detectedAt(T0.plus(Duration.ofSeconds(id % 3)))
              .lastSeenAt(T0.plus(Duration.ofSeconds(10 + id % 4)))
              .build());
    }
    create(alerts.toArray(Alert[]::new));
    return alerts;
  }

  static Comparator<Alert> expected(AlertSort sort) {
    Comparator<Alert> byId = Comparator.comparingLong(Alert::id);
    Comparator<Alert> detected = Comparator.comparing(Alert::detectedAt).thenComparing(byId);
    Comparator<Alert> lastSeen = Comparator.comparing(Alert::lastSeenAt).thenComparing(byId);
    Comparator<Alert> severity = Comparator.comparing(Alert::severity).thenComparing(byId);
    return switch (sort) {
      case DETECTED_AT_ASC -> detected;
      case DETECTED_AT_DESC -> detected.reversed();
      case LAST_SEEN_AT_ASC -> lastSeen;
      case LAST_SEEN_AT_DESC -> lastSeen.reversed();
      case SEVERITY_ASC -> severity;
      case SEVERITY_DESC -> severity.reversed();
    };
  }

  @ParameterizedTest
  @EnumSource(AlertSort.class)
  default void pagesOfEveryOrderAreStableAndComplete(AlertSort sort) {
    List<Alert> alerts = createTiedAlerts();
    List<Long> expected = alerts.stream().sorted(expected(sort)).map(Alert::id).toList();

    List<Long> paged = new ArrayList<>();
    for (int offset = 0; offset < alerts.size(); offset += 3) {
      paged.addAll(ids(store().find(query().page(sort, 3, offset).build())));
    }

    assertThat(ids(store().find(query().page(sort, 100, 0).build()))).isEqualTo(expected);
    assertThat(paged).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(AlertSort.class)
  default void pagesOfSeveralStatusesInterleaveThemInOrder(AlertSort sort) {
    // Open, acknowledged and resolved alerts with ties in time across the statuses.
    AlertStatus[] statuses = {AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.RESOLVED};
    List<Alert> alerts = new ArrayList<>();
    for (long id : new long[] {7, 3, 11, 1, 5, 9, 2, 10, 4, 8, 6, 12, 13}) {
      alerts.add(
          alert(id)
              .status(statuses[(int) (id % statuses.length)])
              .severity(Severity.values()[(int) (id % Severity.values().length)])
              .detectedAt(T0.plus(Duration.ofSeconds(id % 4)))
              .lastSeenAt(T0.plus(Duration.ofSeconds(10 + id % 3)))
              .build());
    }
    create(alerts.toArray(Alert[]::new));
    List<Long> expected =
        alerts.stream()
            .filter(a -> a.status() != AlertStatus.RESOLVED)
            .sorted(expected(sort))
            .map(Alert::id)
            .toList();

    List<Long> paged = new ArrayList<>();
    for (int offset = 0; offset < expected.size() + 3; offset += 3) {
      paged.addAll(
          ids(
              store()
                  .find(
                      query()
                          .statuses(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)
                          .page(sort, 3, offset)
                          .build())));
    }

    assertThat(paged).isEqualTo(expected);
  }

  @Test
  default void severityDescendingListsTheMostSevereFirst() {
    create(
        alert(1).severity(Severity.LOW).build(),
        alert(2).severity(Severity.CRITICAL).build(),
        alert(3).severity(Severity.INFO).build(),
        alert(4).severity(Severity.HIGH).build(),
        alert(5).severity(Severity.MEDIUM).build(),
        alert(6).severity(Severity.CRITICAL).build());

    assertThat(ids(store().find(query().page(AlertSort.SEVERITY_DESC, 10, 0).build())))
        .containsExactly(6L, 2L, 4L, 5L, 1L, 3L);
    assertThat(ids(store().find(query().page(AlertSort.SEVERITY_ASC, 10, 0).build())))
        .containsExactly(3L, 1L, 5L, 4L, 2L, 6L);
  }

  @Test
  default void anOffsetPastTheEndGivesAnEmptyPageWithTheTotal() {
    createTiedAlerts();

    var page = store().find(query().page(AlertSort.DETECTED_AT_DESC, 5, 20).build());

    assertThat(page.alerts()).isEmpty();
    assertThat(page.total()).isEqualTo(11);
  }
}
