package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.notify.Receiver;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.notify.JdbcNotificationStore;
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
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void apply(String yaml) throws IOException {
    Path file = dir.resolve("notify.yaml");
    Files.writeString(file, yaml);
    new ConfigFile(config).apply(file);
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
}
