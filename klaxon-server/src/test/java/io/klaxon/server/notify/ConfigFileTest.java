package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.notify.Receiver;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.notify.JdbcNotificationStore;
import io.klaxon.store.jdbc.suppress.JdbcInhibitRuleStore;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.Matchers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The YAML file of klaxon.notify.config-file: applied as a whole, or refused naming each field. */
class ConfigFileTest {

  @TempDir Path dir;
  TestDatabase database;
  NotifyConfig config;
  JdbcInhibitRuleStore inhibitRules;

  @BeforeEach
  void open() {
    database = TestDatabase.sqlite(dir);
    JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
    config =
        new NotifyConfig(
            JdbcNotificationStore.open(database.dataSource()),
            JsonMapper.builder().build(),
            new TargetGuard(List.of("127.0.0.1")),
            InstantSource.system());
    inhibitRules = JdbcInhibitRuleStore.open(database.dataSource(), InstantSource.system());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void apply(String yaml) throws IOException {
    Path file = dir.resolve("notify.yaml");
    Files.writeString(file, yaml);
    new ConfigFile(config, inhibitRules).apply(file);
  }

  @Test
  void receiversAndRoutesOfTheFileAreStoredInItsOrder() throws IOException {
    config.putReceiver(
        new ReceiverBody(
            "other",
            "slack",
            "http://127.0.0.1/s",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        Actor.of("api"));
    apply(
        """
        receivers:
          - name: ops-hook
            type: webhook
            url: http://127.0.0.1:9/hook
            secret: from-file
          - name: ops-mail
            type: email
            to: ops@example.com
            from: klaxon@example.com
            smtpHost: 127.0.0.1
        routes:
          - name: critical-to-ops
            match: {severity: critical}
            receivers: [ops-hook, ops-mail]
            notifyOn: [opened, resolved]
            groupWaitSeconds: 0
          - name: rest
            receivers: [ops-mail]
        """);

    assertThat(config.current().receivers()).containsOnlyKeys("ops-hook", "ops-mail", "other");
    assertThat(config.current().receivers().get("ops-hook"))
        .isInstanceOfSatisfying(
            Receiver.Webhook.class, hook -> assertThat(hook.secret()).isEqualTo("from-file"));
    assertThat(config.current().routes())
        .extracting(r -> r.name())
        .containsExactly("critical-to-ops", "rest");
  }

  @Test
  void anInvalidFileIsRefusedWholeNamingTheFileAndEveryField() {
    assertThatThrownBy(
            () ->
                apply(
                    """
                    receivers:
                      - name: ops-hook
                        type: webhook
                        url: http://10.0.0.1/hook
                    routes:
                      - name: critical-to-ops
                        receivers: [ops-hook, nobody]
                        groupWaitSeconds: -5
                    """))
        .hasMessageContaining("notify.yaml")
        .hasMessageContaining("receivers[0].url")
        .hasMessageContaining("routes[0].receivers[1]")
        .hasMessageContaining("routes[0].groupWaitSeconds");
    assertThat(config.current().receivers()).isEmpty();
    assertThat(config.current().routes()).isEmpty();
  }

  @Test
  void anUnknownKeyIsRefusedByItsPath() {
    assertThatThrownBy(
            () ->
                apply(
                    """
                    receivers:
                      - name: ops-hook
                        type: webhook
                        url: http://127.0.0.1/hook
                        sekret: typo
                    """))
        .hasMessageContaining("receivers[0].sekret");
  }

  @Test
  void inhibitRulesOfTheFileReplaceThoseOfTheSameName_andLeaveOthers() throws IOException {
    InhibitRule kept =
        new InhibitRule("kept", Matchers.parse("s", "a=b"), Matchers.parse("t", "c=d"), List.of());
    inhibitRules.put(kept, "api");
    inhibitRules.put(
        new InhibitRule(
            "critical-over-warning",
            Matchers.parse("s", "x=y"),
            Matchers.parse("t", "x=z"),
            List.of()),
        "api");

    apply(
        """
        inhibitRules:
          - name: critical-over-warning
            sourceMatchers: severity="critical"
            targetMatchers: '{severity=~"warning|info"}'
            equal: [alertname, instance]
        """);

    assertThat(inhibitRules.all())
        .containsExactly(
            new InhibitRule(
                "critical-over-warning",
                Matchers.parse("s", "severity=\"critical\""),
                Matchers.parse("t", "severity=~\"warning|info\""),
                List.of("alertname", "instance")),
            kept);
  }

  @Test
  void anInvalidInhibitRuleRefusesTheWholeFileNamingItsFields() {
    assertThatThrownBy(
            () ->
                apply(
                    """
                    receivers:
                      - name: ops-hook
                        type: webhook
                        url: http://127.0.0.1/hook
                    inhibitRules:
                      - name: broken
                        sourceMatchers: severity=~"(critical"
                        equal: [alertname]
                    """))
        .hasMessageContaining("inhibitRules[0].sourceMatchers")
        .hasMessageContaining("inhibitRules[0].targetMatchers");
    assertThat(inhibitRules.all()).isEmpty();
    assertThat(config.current().receivers()).isEmpty();
  }

  @Test
  void aFileNamingAnInhibitRuleTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                apply(
                    """
                    inhibitRules:
                      - name: twice
                        sourceMatchers: a=b
                        targetMatchers: c=d
                      - name: twice
                        sourceMatchers: a=x
                        targetMatchers: c=y
                    """))
        .hasMessageContaining("inhibitRules[1].name");
    assertThat(inhibitRules.all()).isEmpty();
  }
}
