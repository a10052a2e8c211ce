package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.notify.NotificationStore;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import io.klaxon.store.jdbc.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole servers started and stopped on one SQLite file: a full outbox survives a restart and is
 * delivered once per notification.
 */
class RestartTest {

  static TestReceiver receiver;

  @TempDir Path dir;

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = new TestReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private ConfigurableApplicationContext start(String... extra) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "server.port=0",
                "klaxon.db.url=" + Dialect.sqliteUrl(dir.resolve("klaxon.db")),
                "klaxon.notify.allowed-hosts=127.0.0.1",
                "klaxon.notify.poll-interval=50ms",
                "spring.main.banner-mode=off"));
    properties.addAll(List.of(extra));
    return new SpringApplicationBuilder(KlaxonApplication.class)
        .properties(properties.toArray(String[]::new))
        .run();
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  @Test
  void aFullOutboxIsDeliveredAfterARestartOncePerNotification() {
    int alerts = 25;
    try (ConfigurableApplicationContext first = start("klaxon.notify.dispatch=false")) {
      Api api = api(first);
      assertThat(
              api.post(
                      "/api/receivers",
                      """
                      {"name": "hook", "type": "webhook", "url": "%s"}
                      """
                          .formatted(receiver.url("/restart")))
                  .status())
          .isEqualTo(201);
      assertThat(
              api.post(
                      "/api/routes",
                      """
                      {"name": "all", "receivers": ["hook"], "groupWaitSeconds": 0}
                      """)
                  .status())
          .isEqualTo(201);
      for (int i = 0; i < alerts; i++) {
        assertThat(
                api.post(
                        "/api/alerts/events",
                        """
                        {"action":"trigger","dedupKey":"restart-%d","source":"restart","type":"disk","severity":"high","title":"Disk %d"}
                        """
                            .formatted(i, i))
                    .status())
            .isEqualTo(200);
      }
      NotificationStore store = first.getBean(NotificationStore.class);
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> store.pendingCount() == alerts);
    }
    assertThat(receiver.requests("/restart")).as("nothing sent before the restart").isEmpty();

    try (ConfigurableApplicationContext second = start()) {
      NotificationStore store = second.getBean(NotificationStore.class);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> store.pendingCount() == 0);
      assertThat(receiver.deliveredKeys("/restart")).hasSize(alerts);
      assertThat(receiver.requests("/restart")).hasSize(alerts);
    }
  }
}
