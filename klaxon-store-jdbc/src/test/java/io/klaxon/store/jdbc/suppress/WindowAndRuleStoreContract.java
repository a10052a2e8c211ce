package io.klaxon.store.jdbc.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.Matchers;
import io.klaxon.suppress.WindowSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How maintenance windows and inhibition rules are kept on every database, exactly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WindowAndRuleStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private TestDatabase database;
  private JdbcMaintenanceWindowStore windows;
  private JdbcInhibitRuleStore rules;

  protected abstract TestDatabase openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
    windows = JdbcMaintenanceWindowStore.open(database.dataSource());
    rules = JdbcInhibitRuleStore.open(database.dataSource(), () -> T0);
  }

  @BeforeEach
  void clear() throws Exception {
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("delete from maintenance_windows");
      statement.execute("delete from inhibit_rules");
    }
  }

  @AfterAll
  void close() {
    database.close();
  }

  private static MaintenanceWindow window(String name, @Nullable LocalDate endDate) {
    return new MaintenanceWindow(
        0,
        name,
        List.of(
            Matchers.parse("m", "{alertname=\"Disk\",severity=~\"high|critical\"}"),
            Matchers.parse("m", "{\"service.name\"!~\"a,\\\"b\\\"\",job=\"x\"}")),
        new WindowSchedule(
            "FREQ=MONTHLY;BYMONTHDAY=-1,1;BYMONTH=1,7",
            LocalTime.of(22, 30),
            ZoneId.of("America/New_York"),
            Duration.ofMinutes(150),
            LocalDate.of(2026, 1, 1),
            endDate),
        "ops",
        "patching",
        T0);
  }

  @Test
  void addedWindow_readsBackExactly_withItsSchedule() {
    MaintenanceWindow added = windows.add(window("patching", LocalDate.of(2027, 12, 31)));
    MaintenanceWindow open = windows.add(window("no end", null));

    assertThat(added.id()).isPositive();
    assertThat(windows.find(added.id())).contains(added);
    assertThat(windows.find(open.id())).contains(open);
    assertThat(windows.all()).containsExactly(added, open);
  }

  @Test
  void updateAndDelete_changeOnlyThatWindow() {
    MaintenanceWindow first = windows.add(window("first", null));
    MaintenanceWindow second = windows.add(window("second", null));
    MaintenanceWindow renamed =
        new MaintenanceWindow(
            first.id(),
            "renamed",
            List.of(Matchers.parse("m", "job=\"db\"")),
            first.schedule(),
            "ann",
            "moved",
            T0.plusSeconds(1));

    assertThat(windows.update(renamed)).isTrue();
    assertThat(windows.find(first.id())).contains(renamed);
    assertThat(windows.delete(second.id())).isTrue();
    assertThat(windows.delete(second.id())).isFalse();
    assertThat(windows.update(second)).isFalse();
    assertThat(windows.all()).containsExactly(renamed);
  }

  @Test
  void inhibitRules_arePutByName_replacedAndDeleted() {
    InhibitRule rule =
        new InhibitRule(
            "critical-over-warning",
            Matchers.parse("s", "severity=\"critical\""),
            Matchers.parse("t", "severity=~\"warning|info\",alertname!=\"Watchdog\""),
            List.of("alertname", "instance"));
    InhibitRule noEqual =
        new InhibitRule(
            "node-down",
            Matchers.parse("s", "alertname=NodeDown"),
            Matchers.parse("t", "job=node"),
            List.of());

    assertThat(rules.put(rule, "ops")).isFalse();
    assertThat(rules.put(noEqual, "ops")).isFalse();
    assertThat(rules.find(rule.name())).contains(rule);
    assertThat(rules.find(noEqual.name())).contains(noEqual);

    InhibitRule changed =
        new InhibitRule(rule.name(), rule.source(), rule.target(), List.of("cluster"));
    assertThat(rules.put(changed, "ann")).isTrue();
    assertThat(rules.all()).containsExactly(changed, noEqual);
    assertThat(rules.delete(rule.name())).isTrue();
    assertThat(rules.delete(rule.name())).isFalse();
    assertThat(rules.all()).containsExactly(noEqual);
  }
}
