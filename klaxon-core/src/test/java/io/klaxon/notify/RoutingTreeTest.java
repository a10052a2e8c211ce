package io.klaxon.notify;

import static io.klaxon.notify.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.suppress.Matchers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RoutingTreeTest {

  private static Route route(
      String name, @Nullable String parent, String matchers, boolean continueMatching) {
    return new Route(
        name,
        Match.ofLabels(Matchers.parse("matchers", matchers)),
        List.of(name + "-receiver"),
        Route.DEFAULT_OCCASIONS,
        continueMatching,
        Grouping.NONE,
        null,
        null,
        parent);
  }

  private static final List<Route> TREE =
      List.of(
          route("root", null, "", false),
          route("db", "root", "team=~\"db|data\"", true),
          route("db-critical", "db", "severity=\"critical\"", false),
          route("ops", "root", "team!=\"\"", false),
          route("fallback", null, "", false));

  private static List<String> names(Map<String, String> labels) {
    return Routing.matching(TREE, labels).stream().map(Route::name).toList();
  }

  @Test
  void aParentWhoseChildrenMatchNothingTakesTheAlertItself() {
    assertThat(names(Map.of("alertname", "Up"))).containsExactly("root");
  }

  @Test
  void aMatchingChildReplacesItsParentAndItsOwnChildrenReplaceIt() {
    assertThat(names(Map.of("team", "data", "severity", "critical")))
        .containsExactly("db-critical", "ops");
    assertThat(names(Map.of("team", "db"))).containsExactly("db", "ops");
  }

  @Test
  void aRouteThatDoesNotContinueEndsTheSearchAtItsLevelOnly() {
    assertThat(names(Map.of("team", "web"))).containsExactly("ops");
  }

  @Test
  void labelMatchersSeeTheAlertsLabels() {
    Route critical = route("critical", null, "severity=\"high\",type=\"disk\"", false);
    assertThat(
            Routing.matching(List.of(critical), alert(1, "hosts", Severity.HIGH, AlertStatus.OPEN)))
        .containsExactly(critical);
    assertThat(
            Routing.matching(List.of(critical), alert(1, "hosts", Severity.LOW, AlertStatus.OPEN)))
        .isEmpty();
  }

  @Test
  void groupingByLabelsShowsTheLabelsTheSetHasSortedByName() {
    Grouping grouping =
        new Grouping(
            List.of("label.team", "label.alertname", "label.cluster"),
            Duration.ZERO,
            Duration.ZERO);
    assertThat(grouping.labels(Map.of("team", "db", "alertname", "Up", "job", "node")))
        .containsExactly(Map.entry("alertname", "Up"), Map.entry("team", "db"));
    Grouping all = new Grouping(List.of(Grouping.ALL_LABELS), Duration.ZERO, Duration.ZERO);
    assertThat(all.labels(Map.of("b", "2", "a", "1")))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
  }

  @Test
  void groupingByRouteKeepsEveryAlertOfTheRouteInOneGroup() {
    Grouping route = new Grouping(List.of(Grouping.ROUTE), Duration.ZERO, Duration.ZERO);
    assertThat(route.key(alert(1, "hosts", Severity.HIGH, AlertStatus.OPEN)))
        .isEqualTo(route.key(alert(2, "odds", Severity.LOW, AlertStatus.OPEN)));
    assertThat(route.labels(Map.of("alertname", "Up"))).isEmpty();
  }
}
