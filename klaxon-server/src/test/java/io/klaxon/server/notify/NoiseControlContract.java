package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Grouping, repeat, quiet hours and the per-receiver rate limit, over real HTTP. */
abstract class NoiseControlContract extends DeliveryContract {

  @Test
  void alertsOfAGroupWaitTogetherAndLaterOnesAreBatchedAfterTheInterval() {
    String hook = webhook("grouped", "k");
    route(
        "grouped",
        hook,
        """
        "groupBy": ["source"], "groupWaitSeconds": 30, "groupIntervalSeconds": 120
        """
            .strip());

    long g1 = trigger("g1", "high");
    trigger("g2", "medium");
    long g3 = trigger("g3", "critical");
    eventually().until(() -> planned(g1) && planned(g3));
    awaitJobRounds();
    assertThat(receiver.requests(path("grouped"))).as("within the group wait").isEmpty();

    clock.advance(Duration.ofSeconds(30));
    eventually().until(() -> receiver.delivered(path("grouped")).size() == 1);
    JsonNode batch = receiver.delivered(path("grouped")).getFirst().json();
    assertThat(batch.at("/alerts")).hasSize(3);
    assertThat(batch.at("/groupKey").asString()).isEqualTo("source=" + source);

    long g4 = trigger("g4", "high");
    long g5 = trigger("g5", "high");
    eventually().until(() -> planned(g4) && planned(g5));
    clock.advance(Duration.ofSeconds(60));
    awaitJobRounds();
    assertThat(receiver.requests(path("grouped"))).as("within the group interval").hasSize(1);
    clock.advance(Duration.ofSeconds(60));
    eventually().until(() -> receiver.delivered(path("grouped")).size() == 2);
    assertThat(receiver.delivered(path("grouped")).get(1).json().at("/alerts")).hasSize(2);
  }

  @Test
  void anAlertStillOpenIsRemindedEveryRepeatIntervalUntilResolved() {
    String hook = webhook("repeat", "k");
    route("repeat", hook, "\"groupWaitSeconds\": 0, \"repeatIntervalSeconds\": 600");

    long id = trigger("r", "high");
    eventually().until(() -> receiver.delivered(path("repeat")).size() == 1);
    clock.advance(Duration.ofSeconds(600));
    eventually().until(() -> receiver.delivered(path("repeat")).size() == 2);
    assertThat(receiver.delivered(path("repeat")).get(1).json().at("/alerts/0/occasion").asString())
        .isEqualTo("repeated");

    resolve(id);
    eventually().until(() -> receiver.delivered(path("repeat")).size() == 3);
    clock.advance(Duration.ofSeconds(1200));
    awaitJobRounds();
    assertThat(receiver.delivered(path("repeat"))).hasSize(3);
  }

  @Test
  void quietHoursHoldNotificationsButCriticalOnesGoAtOnce() {
    String hook = webhook("quiet", "k");
    LocalTime now = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    String start = now.minusMinutes(1).format(hhmm);
    String end = now.plusMinutes(60).withSecond(0).format(hhmm);
    route(
        "quiet",
        hook,
        """
        "groupWaitSeconds": 0, "quietHours": {"timeZone": "UTC", "start": "%s", "end": "%s", "criticalOverrides": true}
        """
            .formatted(start, end)
            .strip());

    long calm = trigger("calm", "high");
    trigger("fire", "critical");
    eventually().until(() -> planned(calm));
    eventually().until(() -> receiver.delivered(path("quiet")).size() == 1);
    assertThat(
            receiver.delivered(path("quiet")).getFirst().json().at("/alerts/0/severity").asString())
        .isEqualTo("critical");
    awaitJobRounds();
    assertThat(receiver.requests(path("quiet"))).as("the high one waits").hasSize(1);

    clock.advance(Duration.ofMinutes(62));
    eventually().until(() -> receiver.delivered(path("quiet")).size() == 2);
    assertThat(receiver.delivered(path("quiet")).get(1).json().at("/alerts/0/severity").asString())
        .isEqualTo("high");
  }

  /** The planner has put a notification of the alert in the outbox. */
  boolean planned(long alertId) {
    return api.get("/api/alerts/" + alertId + "/notifications").json().at("/notifications").size()
        > 0;
  }

  @Test
  void aReceiverOverItsRateLimitGetsTheRestLater() {
    String name = source + "-limited";
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s", "type": "webhook", "url": "%s", "rateLimit": {"count": 2, "perSeconds": 60}}
                    """
                        .formatted(name, receiver.url(path("limited"))))
                .status())
        .isEqualTo(201);
    route("limited", name, "\"groupWaitSeconds\": 0");

    for (int i = 0; i < 3; i++) {
      trigger("l" + i, "high");
    }
    eventually().until(() -> receiver.delivered(path("limited")).size() == 2);
    awaitJobRounds();
    assertThat(receiver.delivered(path("limited"))).hasSize(2);
    clock.advance(Duration.ofSeconds(61));
    eventually().until(() -> receiver.delivered(path("limited")).size() == 3);
  }
}
