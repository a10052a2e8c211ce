package io.klaxon.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.cluster.KafkaAndPostgres;
import io.klaxon.server.Api;
import io.klaxon.server.KlaxonApplication;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's API on two servers in cluster mode: alerts fired through one instance and resolved
 * through the other, whichever owns their partitions, are resolved; a late resolve is not. The
 * owner decides, in the order the commands reached it: a resolve posted while its firing is still
 * on its way to the owner resolves it, and a late resolve read against a stale alert does not close
 * a newer firing. To have commands wait in Kafka, a test holds the owners' commits: every commit
 * advances its partition's row in {@code cluster_partitions}, which the test keeps locked.
 */
class ClusterAlertmanagerTest {

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.empty();

  /** Label sets over every partition of four, so that each instance owns some of them. */
  private static final int ALERTS = 12;

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static Api one;
  private static Api two;

  @BeforeAll
  static void startTwoInstances() {
    first = server("first");
    second = server("second");
    one = api(first);
    two = api(second);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> eachOwnsSome(one.get("/api/cluster").json()));
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  @Test
  void firingThroughOneInstance_resolvedThroughTheOther_isResolved_whoeverOwnsIt() {
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    assertThat(one.post("/api/v2/alerts", alerts("resolve", startsAt, null)).status())
        .isEqualTo(200);
    awaitStatuses("resolve", "open");

    Instant endsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    assertThat(two.post("/api/v2/alerts", alerts("resolve", startsAt, endsAt)).status())
        .isEqualTo(200);

    awaitStatuses("resolve", "resolved");
  }

  @Test
  void aResolvePostedBeforeTheOwnerAppliedItsFiring_resolvesIt() throws SQLException {
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    Instant endsAt = startsAt.plusSeconds(30);
    try (Connection held = holdTheOwners()) {
      // Both are answered "accepted" once the answer wait has passed: in Kafka, not applied.
      assertThat(one.post("/api/v2/alerts", alerts("race", startsAt, null)).status())
          .isEqualTo(200);
      assertThat(two.post("/api/v2/alerts", alerts("race", startsAt, endsAt)).status())
          .isEqualTo(200);
      assertThat(statuses("race")).isEmpty();
      held.rollback();
    }

    awaitStatuses("race", "resolved");
  }

  @Test
  void aLateResolveOfAnEarlierFiring_readStale_leavesTheNewerFiringOpen() throws SQLException {
    Instant firstStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    Instant firstEnd = firstStart.plusSeconds(300);
    Instant secondStart = firstEnd.plusSeconds(120);
    assertThat(one.post("/api/v2/alerts", alerts("stale", firstStart, null)).status())
        .isEqualTo(200);
    awaitStatuses("stale", "open");

    try (Connection held = holdTheOwners()) {
      // The first firing ends, a second one starts, and the first one's resolve comes again
      // (Prometheus re-sends resolved alerts): all while the committed alert is the first firing.
      assertThat(two.post("/api/v2/alerts", alerts("stale", firstStart, firstEnd)).status())
          .isEqualTo(200);
      assertThat(one.post("/api/v2/alerts", alerts("stale", secondStart, null)).status())
          .isEqualTo(200);
      assertThat(two.post("/api/v2/alerts", alerts("stale", firstStart, firstEnd)).status())
          .isEqualTo(200);
      held.rollback();
    }

    // The same late resolve once more, through the webhook: answered once its owner applied it,
    // after everything above. It finds the second firing, open.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode answer =
                  two.post("/api/integrations/alertmanager", webhook("stale", firstStart, firstEnd))
                      .json();
              assertThat(each(answer.path("results"), "outcome"))
                  .hasSize(ALERTS)
                  .containsOnly("unchanged");
              assertThat(each(answer.path("results"), "status"))
                  .hasSize(ALERTS)
                  .containsOnly("open");
            });
    List<String> statuses = statuses("stale");
    assertThat(statuses).filteredOn("open"::equals).hasSize(ALERTS);
    assertThat(statuses).filteredOn("resolved"::equals).hasSize(ALERTS);
    for (JsonNode alert : listed("stale").path("alerts")) {
      if (alert.path("status").asString().equals("open")) {
        assertThat(Instant.parse(alert.at("/attributes/startsAt").asString()))
            .isEqualTo(secondStart);
      }
    }
  }

  @Test
  void aLateResolveThroughTheOtherInstance_leavesTheNewerFiringOpen() {
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    assertThat(one.post("/api/v2/alerts", alerts("late", startsAt, null)).status()).isEqualTo(200);
    awaitStatuses("late", "open");

    // The resolve of an earlier firing, which ended before this one started.
    Instant endedBefore = startsAt.minusSeconds(600);
    assertThat(
            two.post("/api/v2/alerts", alerts("late", endedBefore.minusSeconds(60), endedBefore))
                .status())
        .isEqualTo(200);
    // The answer may come before its owner applied the resolve (the answer wait is short): the
    // same resolve through the webhook is answered by the owner only after the one above.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode answer =
                  two.post(
                          "/api/integrations/alertmanager",
                          webhook("late", endedBefore.minusSeconds(60), endedBefore))
                      .json();
              assertThat(each(answer.path("results"), "outcome"))
                  .hasSize(ALERTS)
                  .containsOnly("unchanged");
            });
    assertThat(statuses("late")).hasSize(ALERTS).containsOnly("open");
  }

  private static ConfigurableApplicationContext server(String name) {
    return new SpringApplicationBuilder(KlaxonApplication.class)
        .run(
            "--server.port=0",
            "--klaxon.db.url=" + backends.jdbcUrl(),
            "--klaxon.cluster.kafka.bootstrap-servers=" + backends.bootstrapServers(),
            "--klaxon.cluster.node-name=" + name,
            "--klaxon.cluster.answer-wait=3s",
            "--klaxon.engine.partitions=4",
            "--spring.main.banner-mode=off");
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  private static String alerts(String run, Instant startsAt, @Nullable Instant endsAt) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < ALERTS; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"labels":{"alertname":"DiskFull","instance":"nas-%d:9100","run":"%s"},\
              "annotations":{},"startsAt":"%s"%s}\
              """
                  .formatted(
                      i, run, startsAt, endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\""));
    }
    return body.append("]").toString();
  }

  /** The same alerts as the webhook sends them resolved. */
  private static String webhook(String run, Instant startsAt, Instant endsAt) {
    StringBuilder alerts = new StringBuilder("[");
    for (int i = 0; i < ALERTS; i++) {
      alerts
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"status":"resolved","labels":{"alertname":"DiskFull","instance":"nas-%d:9100",\
              "run":"%s"},"annotations":{},"startsAt":"%s","endsAt":"%s"}\
              """
                  .formatted(i, run, startsAt, endsAt));
    }
    return """
    {"version":"4","status":"resolved","receiver":"klaxon","groupLabels":{},\
    "commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093","alerts":%s]}\
    """
        .formatted(alerts);
  }

  /**
   * Locks every partition's row of {@code cluster_partitions}: an owner's commit, which advances
   * its partition's row, waits until the caller rolls back, while readers read on.
   */
  private static Connection holdTheOwners() throws SQLException {
    Connection held = backends.dataSource().getConnection();
    held.setAutoCommit(false);
    try (Statement lock = held.createStatement()) {
      lock.execute("SELECT partition FROM cluster_partitions FOR UPDATE");
    }
    return held;
  }

  private static List<String> each(JsonNode items, String field) {
    List<String> values = new ArrayList<>();
    items.forEach(item -> values.add(item.path(field).asString()));
    return values;
  }

  private static JsonNode listed(String run) {
    Api.Answer answer = one.get("/api/alerts?source=alertmanager&limit=100&attr.labels.run=" + run);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> statuses(String run) {
    List<String> statuses = new ArrayList<>();
    listed(run).path("alerts").forEach(alert -> statuses.add(alert.path("status").asString()));
    return statuses;
  }

  private static void awaitStatuses(String run, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(statuses(run)).hasSize(ALERTS).containsOnly(status));
  }

  /** Whether both instances are members and each owns at least one of the four partitions. */
  private static boolean eachOwnsSome(JsonNode cluster) {
    if (cluster.path("members").size() != 2) {
      return false;
    }
    List<Integer> owned = new ArrayList<>();
    for (JsonNode member : cluster.path("members")) {
      if (member.path("partitions").isEmpty()) {
        return false;
      }
      member.path("partitions").forEach(p -> owned.add(p.asInt()));
    }
    return owned.stream().sorted().toList().equals(List.of(0, 1, 2, 3));
  }
}
