package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import io.klaxon.server.notify.TestReceiver.Answer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routes and receivers as the issue shapes them, the webhook's body, signature and log. */
abstract class DeliveryContract extends NotificationsFixture {

  @Test
  void aCriticalAlertIsSignedDeliveredAndLoggedWhenOpenedAndResolved() {
    String hook = webhook("ops", "s3cret");
    route(
        "critical-to-ops",
        hook,
        """
        "match": {"severity": "critical", "source": "%s"}, "notifyOn": ["opened", "resolved"], "groupWaitSeconds": 0
        """
            .formatted(source)
            .strip());

    long id = trigger("a", "critical");
    eventually().until(() -> attempts(id) == 1);
    clock.advance(Duration.ofSeconds(1)); // the history orders by time
    resolve(id);
    eventually().until(() -> receiver.delivered(path("ops")).size() == 2);

    List<TestReceiver.Request> requests = receiver.delivered(path("ops"));
    TestReceiver.Request opened = requests.getFirst();
    assertThat(opened.header("X-Klaxon-Signature"))
        .isEqualTo(Signature.of("s3cret", opened.body()))
        .startsWith("sha256=");
    JsonNode body = opened.json();
    assertThat(body.at("/idempotencyKey").asString())
        .isEqualTo(opened.header("X-Klaxon-Idempotency-Key"));
    assertThat(body.at("/alerts/0/alertId").asLong()).isEqualTo(id);
    assertThat(body.at("/alerts/0/occasion").asString()).isEqualTo("opened");
    assertThat(body.at("/alerts/0/severity").asString()).isEqualTo("critical");
    assertThat(body.at("/alerts/0/source").asString()).isEqualTo(source);
    assertThat(body.at("/alerts/0/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/" + id);
    assertThat(requests.get(1).json().at("/alerts/0/occasion").asString()).isEqualTo("resolved");
    assertThat(requests.get(1).header("X-Klaxon-Idempotency-Key"))
        .isNotEqualTo(opened.header("X-Klaxon-Idempotency-Key"));

    JsonNode log = api.get("/api/alerts/" + id + "/notifications").json();
    assertThat(log.at("/notifications")).hasSize(2);
    JsonNode first = log.at("/notifications/0");
    assertThat(first.at("/receiver").asString()).isEqualTo(hook);
    assertThat(first.at("/status").asString()).isEqualTo("delivered");
    assertThat(first.at("/attempts/0/outcome").asString()).isEqualTo("delivered");
    assertThat(first.at("/attempts/0/statusCode").asInt()).isEqualTo(200);
    assertThat(first.at("/attempts/0/latencyMillis").isNumber()).isTrue();

    eventually()
        .until(
            () ->
                api.get("/api/alerts/" + id + "/notifications")
                        .json()
                        .at("/notifications/1/attempts")
                        .size()
                    == 1);
    JsonNode history = api.get("/api/alerts/" + id + "/history").json();
    assertThat(history.valueStream().map(entry -> entry.at("/action").asString()))
        .containsExactly("created", "notified", "resolved", "notified");
    JsonNode notified = history.at("/1");
    assertThat(notified.at("/actor").asString()).isEqualTo("notify:" + hook);
    assertThat(notified.at("/version").asLong()).isEqualTo(1);
    assertThat(notified.at("/toStatus").asString()).isEqualTo("open");
    assertThat(notified.at("/note").asString()).contains("opened", "critical-to-ops", "status 200");
  }

  @Test
  void aLowerSeverityThanTheRouteAsksForNotifiesNobodyAndContinueFallsThrough() {
    String pager = webhook("pager", "x");
    String chat = webhook("chat", "y");
    route(
        "pager",
        pager,
        """
        "match": {"severity": "high", "source": "%s"}, "continue": true, "groupWaitSeconds": 0
        """
            .formatted(source)
            .strip());
    route("chat", chat, "\"groupWaitSeconds\": 0");

    trigger("low", "low");
    trigger("high", "critical");

    eventually().until(() -> receiver.delivered(path("chat")).size() == 2);
    eventually().until(() -> receiver.delivered(path("pager")).size() == 1);
    assertThat(
            receiver.delivered(path("pager")).getFirst().json().at("/alerts/0/severity").asString())
        .isEqualTo("critical");
  }

  @Test
  void failuresAreRetriedWithBackOffAndRetryAfterIsRespected() {
    String hook = webhook("flaky", "k");
    route("flaky", hook, "\"groupWaitSeconds\": 0");
    receiver.script(
        path("flaky"),
        new Answer.Status(500, null),
        new Answer.Drop(),
        new Answer.Status(429, "120"));

    long id = trigger("f", "high");
    // Each wait is for the attempt to be recorded: its time is read after the receiver answers.
    eventually().until(() -> attempts(id) == 1);
    clock.advance(Duration.ofSeconds(10)); // the first wait is 5 to 10 s
    eventually().until(() -> attempts(id) == 2);
    clock.advance(Duration.ofSeconds(20)); // the second 10 to 20 s
    eventually().until(() -> attempts(id) == 3);
    clock.advance(Duration.ofSeconds(60)); // back-off would allow it, Retry-After does not
    awaitJobRounds();
    assertThat(receiver.requests(path("flaky"))).hasSize(3);
    clock.advance(Duration.ofSeconds(60));
    eventually().until(() -> attempts(id) == 4);

    assertThat(receiver.deliveredKeys(path("flaky"))).hasSize(1);
    JsonNode attempts =
        api.get("/api/alerts/" + id + "/notifications").json().at("/notifications/0/attempts");
    assertThat(
            attempts
                .valueStream()
                .map(a -> a.at("/statusCode").isNull() ? "none" : a.at("/statusCode").asString()))
        .containsExactly("500", "none", "429", "200");
    assertThat(attempts.at("/1/error").asString()).isNotBlank();
  }

  @Test
  void aSlowReceiverTimesOutAndIsTriedAgain() {
    String hook = webhook("slow", "k");
    route("slow", hook, "\"groupWaitSeconds\": 0");
    receiver.script(path("slow"), new Answer.Slow(Duration.ofSeconds(2)));

    long id = trigger("s", "high");
    eventually().until(() -> attempts(id) == 1);
    clock.advance(Duration.ofSeconds(10));
    eventually().until(() -> receiver.delivered(path("slow")).size() == 1);
    JsonNode first =
        api.get("/api/alerts/" + id + "/notifications").json().at("/notifications/0/attempts/0");
    assertThat(first.at("/outcome").asString()).isEqualTo("failed");
    assertThat(first.at("/statusCode").isNull()).isTrue();
    assertThat(first.at("/error").asString()).containsIgnoringCase("timed out");
  }

  @Test
  void aNotificationGivenUpOnIsADeadLetterThatTheApiSendsAgain() {
    String hook = webhook("dead", "k");
    route("dead", hook, "\"groupWaitSeconds\": 0");
    Answer[] failures = new Answer[40];
    java.util.Arrays.fill(failures, new Answer.Status(503, null));
    receiver.script(path("dead"), failures);

    long id = trigger("d", "high");
    eventually().until(() -> attempts(id) == 1);
    for (int i = 0; i < 20 && !isDead(id); i++) {
      int seen = attempts(id);
      clock.advance(Duration.ofSeconds(60));
      eventually().until(() -> attempts(id) > seen || isDead(id));
    }
    assertThat(isDead(id)).isTrue();
    long notification =
        api.get("/api/alerts/" + id + "/notifications").number("/notifications/0/id");
    JsonNode dead = api.get("/api/notifications/dead-letters?limit=1000").json();
    assertThat(dead.at("/items").valueStream().map(n -> n.at("/id").asLong()))
        .contains(notification);
    assertThat(api.get("/actuator/prometheus").raw().body())
        .containsPattern("klaxon_notifications_dead(\\{[^}]*})? [1-9]");

    receiver.clearScript(path("dead")); // the receiver is back
    Api.Answer retried = api.post("/api/notifications/dead-letters/" + notification + "/retry", "");
    assertThat(retried.status()).isEqualTo(202);
    eventually().until(() -> receiver.delivered(path("dead")).size() == 1);
    eventually()
        .until(
            () ->
                "delivered"
                    .equals(
                        api.get("/api/alerts/" + id + "/notifications")
                            .text("/notifications/0/status")));
    assertThat(api.post("/api/notifications/dead-letters/" + notification + "/retry", "").status())
        .isEqualTo(404);
  }

  int attempts(long alertId) {
    return api.get("/api/alerts/" + alertId + "/notifications")
        .json()
        .at("/notifications/0/attempts")
        .size();
  }

  boolean isDead(long alertId) {
    return "dead"
        .equals(
            api.get("/api/alerts/" + alertId + "/notifications").text("/notifications/0/status"));
  }
}
