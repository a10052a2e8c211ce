package io.klaxon.store;

import static io.klaxon.store.AlertBuilder.alert;
import static io.klaxon.store.AlertStoreFixture.ids;
import static io.klaxon.store.QueryBuilder.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every filter of a list, alone and together, with its total and per-status counts. */
public interface QueryContract extends AlertStoreFixture {

  /** Six alerts, one of each status but open twice, ids in order of detection. */
  default void createSixAlerts() {
    Subject nas01 = Subject.of("server", "nas-01", null);
    Subject event = Subject.of("event", "1234", "Arsenal v Chelsea");
    create(
        alert(1)
            .type("disk")
            .source("hosts")
            .severity(Severity.CRITICAL)
            .subject(nas01)
            .title("Disk almost full")
            .message("97% used on /data")
            .attributes(Map.of("mount", "/data", "usage", 97, "critical", true))
            .build(),
        alert(2)
            .type("cpu")
            .source("hosts")
            .severity(Severity.HIGH)
            .status(AlertStatus.ACKNOWLEDGED)
            .subject(nas01)
            .title("CPU busy")
            .attributes(Map.of("cores", 8, "ratio", 1.5))
            .build(),
        alert(3)
            .type("price_change")
            .source("odds")
            .severity(Severity.MEDIUM)
            .subject(event)
            .title("Price moved 15%")
            .message("home_win moved against the market")
            .attributes(Map.of("bookmaker", "house", "strategyId", 123, "live", false))
            .build(),
        alert(4)
            .type("price_change")
            .source("odds")
            .severity(Severity.LOW)
            .status(AlertStatus.RESOLVED)
            .subject(event)
            .title("Price moved 5_5")
            .attributes(Map.of("bookmaker", "rival", "strategyId", "123"))
            .build(),
        alert(5)
            .type("offline")
            .source("hosts")
            .severity(Severity.INFO)
            .status(AlertStatus.EXPIRED)
            .subject(Subject.of("server", "nas-02", null))
            .title("NAS offline")
            .message("No heartbeat for 5 minutes")
            .build(),
        alert(6)
            .type("take_profit")
            .source("decisions")
            .severity(Severity.CRITICAL)
            .status(AlertStatus.DISMISSED)
            .title("Close AAPL")
            .attributes(
                Map.of("symbol", "AAPL", "odd.name", "x", "say \"hi\"", "y", "back\\slash", "z"))
            .build());
  }

  private List<Long> find(QueryBuilder query) {
    return ids(store().find(query.build()));
  }

  @Test
  default void withoutFiltersEveryAlertIsListedNewestFirst() {
    createSixAlerts();

    AlertPage page = store().find(AlertQuery.all());

    assertThat(ids(page)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(page.total()).isEqualTo(6);
    assertThat(page.counts()).isEqualTo(AlertStoreFixture.statusCounts(2, 1, 1, 1, 1));
  }

  @Test
  default void eachFilterAloneKeepsOnlyWhatMatches() {
    createSixAlerts();

    assertThat(find(query().statuses(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)))
        .containsExactly(3L, 2L, 1L);
    assertThat(find(query().severities(Severity.CRITICAL))).containsExactly(6L, 1L);
    assertThat(find(query().types("price_change", "cpu"))).containsExactly(4L, 3L, 2L);
    assertThat(find(query().sources("odds"))).containsExactly(4L, 3L);
    assertThat(find(query().subject("server", "nas-01"))).containsExactly(2L, 1L);
    assertThat(find(query().subject("server", null))).containsExactly(5L, 2L, 1L);
    assertThat(find(query().subject(null, "1234"))).containsExactly(4L, 3L);
  }

  @Test
  default void detectedAtFiltersIncludeFromAndExcludeTo() {
    createSixAlerts();
    Alert second = stored(2);
    Alert fourth = stored(4);

    assertThat(find(query().detected(second.detectedAt(), fourth.detectedAt())))
        .containsExactly(3L, 2L);
    assertThat(find(query().detected(fourth.detectedAt(), null))).containsExactly(6L, 5L, 4L);
    assertThat(find(query().detected(null, second.detectedAt()))).containsExactly(1L);
  }

  @Test
  default void textIsFoundInTitleOrMessageIgnoringCase() {
    createSixAlerts();

    assertThat(find(query().text("DISK"))).containsExactly(1L);
    assertThat(find(query().text("heartbeat"))).containsExactly(5L);
    assertThat(find(query().text("moved"))).containsExactly(4L, 3L);
    assertThat(find(query().text("nothing like it"))).isEmpty();
  }

  @Test
  default void textTakesLikeWildcardsLiterally() {
    createSixAlerts();

    assertThat(find(query().text("15%"))).containsExactly(3L);
    assertThat(find(query().text("%"))).containsExactly(3L, 1L);
    assertThat(find(query().text("5_5"))).containsExactly(4L);
    assertThat(find(query().text("_"))).containsExactly(4L, 3L);
    assertThat(find(query().text("e_w"))).containsExactly(3L);
    // Unescaped, "_" would match the space in "Price moved".
    assertThat(find(query().text("e_m"))).isEmpty();
  }

  @Test
  default void attributesMatchByTheTextFormOfTheirValue() {
    createSixAlerts();

    assertThat(find(query().attribute("bookmaker", "house"))).containsExactly(3L);
    assertThat(find(query().attribute("mount", "/data"))).containsExactly(1L);
    assertThat(find(query().attribute("strategyId", "123"))).containsExactly(4L, 3L);
    assertThat(find(query().attribute("usage", "97"))).containsExactly(1L);
    assertThat(find(query().attribute("ratio", "1.5"))).containsExactly(2L);
    assertThat(find(query().attribute("critical", "true"))).containsExactly(1L);
    assertThat(find(query().attribute("live", "false"))).containsExactly(3L);
    assertThat(find(query().attribute("live", "0"))).isEmpty();
    assertThat(find(query().attribute("bookmaker", "rival").attribute("strategyId", "123")))
        .containsExactly(4L);
  }

  @Test
  default void attributeNamesAreValuesNeverSql() {
    createSixAlerts();

    assertThat(find(query().attribute("odd.name", "x"))).containsExactly(6L);
    assertThat(find(query().attribute("say \"hi\"", "y"))).containsExactly(6L);
    assertThat(find(query().attribute("back\\slash", "z"))).containsExactly(6L);
    assertThat(find(query().attribute("", "z"))).isEmpty();
    assertThat(find(query().attribute("symbol') or 1=1 --", "AAPL"))).isEmpty();
    assertThat(find(query().attribute("' or '1'='1", "AAPL"))).isEmpty();
    assertThat(find(query().attribute("$.symbol", "AAPL"))).isEmpty();
  }

  @Test
  default void suppressedFilterKeepsOnlyAlertsSomethingSuppressesOrOnlyTheOthers() {
    Suppressor silence =
        new Suppressor(SuppressionKind.SILENCE, "u-1", AlertBuilder.T0.plusSeconds(3600));
    create(
        alert(1).build().withSuppressedBy(List.of(silence)),
        alert(2).status(AlertStatus.ACKNOWLEDGED).build(),
        alert(3)
            .build()
            .withSuppressedBy(List.of(new Suppressor(SuppressionKind.SNOOZE, "3", null))),
        alert(4).status(AlertStatus.RESOLVED).build());

    assertThat(find(query().suppressed(true))).containsExactly(3L, 1L);
    assertThat(find(query().suppressed(false))).containsExactly(4L, 2L);
    assertThat(find(query().suppressed(null))).containsExactly(4L, 3L, 2L, 1L);
    assertThat(find(query().suppressed(false).statuses(AlertStatus.OPEN))).isEmpty();
    // Counts follow the filter too, so they cannot come from the precomputed counts table.
    AlertPage quiet = store().find(query().suppressed(true).build());
    assertThat(quiet.total()).isEqualTo(2);
    assertThat(quiet.counts()).isEqualTo(AlertStoreFixture.statusCounts(2, 0, 0, 0, 0));
    assertThat(store().stats(query().suppressed(false).build()).total()).isEqualTo(2);
  }

  @Test
  default void combinedFiltersMustAllMatch() {
    createSixAlerts();

    assertThat(
            find(
                query()
                    .sources("hosts")
                    .severities(Severity.CRITICAL, Severity.HIGH)
                    .statuses(AlertStatus.OPEN)
                    .subject("server", "nas-01")
                    .text("full")
                    .attribute("usage", "97")))
        .containsExactly(1L);
    assertThat(find(query().sources("odds").severities(Severity.CRITICAL))).isEmpty();
  }

  @Test
  default void totalCountsEveryMatchAndCountsIgnoreOnlyTheStatusFilter() {
    createSixAlerts();

    var openFirst = query().statuses(AlertStatus.OPEN).page(AlertSort.DETECTED_AT_DESC, 1, 0);
    AlertPage open = store().find(openFirst.build());
    AlertPage odds = store().find(query().sources("odds").statuses(AlertStatus.RESOLVED).build());

    assertThat(ids(open)).containsExactly(3L);
    assertThat(open.total()).isEqualTo(2);
    assertThat(open.counts()).isEqualTo(AlertStoreFixture.statusCounts(2, 1, 1, 1, 1));
    assertThat(ids(odds)).containsExactly(4L);
    assertThat(odds.total()).isEqualTo(1);
    assertThat(odds.counts()).isEqualTo(AlertStoreFixture.statusCounts(1, 0, 1, 0, 0));
  }

  @Test
  default void anEmptyStoreCountsZeroForEveryStatus() {
    AlertPage page = store().find(AlertQuery.all());

    assertThat(page.alerts()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.counts()).isEqualTo(AlertStoreFixture.statusCounts(0, 0, 0, 0, 0));
  }
}
