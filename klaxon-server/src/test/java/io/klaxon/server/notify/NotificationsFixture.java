package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Klaxon server on a real port with a real HTTP receiver beside it, for the notification
 * contracts its subclasses run on SQLite and PostgreSQL. Every test works on alerts of its own
 * {@code source}, matched by routes of its own, so tests share one server; time is a clock the
 * tests move, which the notification job reads for due times and retries.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "klaxon.notify.allowed-hosts=127.0.0.1,localhost",
      "klaxon.notify.poll-interval=50ms",
      "klaxon.notify.connect-timeout=1s",
      "klaxon.notify.send-timeout=1s",
      "klaxon.notify.retry.initial=10s",
      "klaxon.notify.retry.max=60s",
      "klaxon.notify.retry.give-up-after=10m",
      "klaxon.console.base-url=https://klaxon.example.com"
    })
@Import(NotifyTestClock.Wiring.class)
@DirtiesContext
abstract class NotificationsFixture {

  static TestReceiver receiver;

  @LocalServerPort int port;
  @Autowired NotifyTestClock clock;
  @Autowired NotificationJob job;
  Api api;
  String source;

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = new TestReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    source = "n" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Returns once the job has planned and then sent in full rounds that began after this call, so
   * that what it has not done by then it did not do for the clock as it is now.
   */
  void awaitJobRounds() {
    // A round under way may have read the clock before the test moved it: the next one has not.
    long plans = job.planRounds();
    job.wake();
    eventually().until(() -> job.planRounds() >= plans + 2);
    long sends = job.dispatchRounds();
    job.wakeDispatcher();
    eventually().until(() -> job.dispatchRounds() >= sends + 2);
  }

  static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50));
  }

  /**
   * Adds a webhook receiver named after this test's source, answering at {@code /source/suffix}.
   */
  String webhook(String suffix, String secret) {
    String name = source + "-" + suffix;
    Api.Answer answer =
        api.post(
            "/api/receivers",
            """
            {"name": "%s", "type": "webhook", "url": "%s", "secret": "%s"}
            """
                .formatted(name, receiver.url(path(suffix)), secret));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return name;
  }

  String path(String suffix) {
    return "/" + source + "/" + suffix;
  }

  /** Adds a route for this test's source; {@code rest} is the rest of its JSON object. */
  void route(String name, String receiverName, String rest) {
    Api.Answer answer =
        api.post(
            "/api/routes",
            """
            {"name": "%s", "match": {"source": "%s"}, "receivers": ["%s"]%s}
            """
                .formatted(
                    source + "-" + name, source, receiverName, rest.isEmpty() ? "" : ", " + rest));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
  }

  long trigger(String key, String severity) {
    Api.Answer answer =
        api.post(
            "/api/alerts/events",
            """
            {"action":"trigger","dedupKey":"%s-%s","source":"%s","type":"disk","severity":"%s",
             "title":"Disk full %s","subject":{"type":"server","key":"nas-%s"}}
            """
                .formatted(source, key, source, severity, key, key));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.number("/results/0/alertId");
  }

  void resolve(long id) {
    assertThat(api.post("/api/alerts/" + id + "/resolve", "{}").status()).isEqualTo(200);
  }
}
