package io.klaxon.server.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Klaxon's silence API over real HTTP, run on SQLite and PostgreSQL by its subclasses. Every test
 * matches on a {@code run} label of its own, so tests share one server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "klaxon.silences.max-duration=7d")
@DirtiesContext
abstract class SilencesApiContract {

  @LocalServerPort int port;
  Api api;
  String run;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    run = "r" + UUID.randomUUID().toString().substring(0, 8);
    base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Now, once per test, so that every time a test writes and reads back is the same. */
  private Instant base = Instant.now();

  private Instant hours(long hours) {
    return base.plus(hours, ChronoUnit.HOURS);
  }

  private String body(String matchers, Instant startsAt, Instant endsAt) {
    return """
    {"matchers":%s,"startsAt":"%s","endsAt":"%s","comment":"disk swap"}
    """
        .formatted(matchers, startsAt, endsAt);
  }

  private Api.Answer create(String matchers, Instant startsAt, Instant endsAt) {
    return api.post("/api/silences", body(matchers, startsAt, endsAt));
  }

  private long total(String query) {
    return api.get("/api/silences" + query).number("/total");
  }

  private void trigger(String key, String mount) {
    Api.Answer answer =
        api.post(
            "/api/alerts/events",
            """
            {"action":"trigger","dedupKey":"%s","source":"%s","type":"disk","severity":"high",
             "title":"Disk almost full","attributes":{"mount":"%s"}}
            """
                .formatted(key, run, mount));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
  }

  @Test
  void createdSilence_isActive_readable_andListedUnderItsState() {
    Api.Answer created =
        create("\"source=\\\"" + run + "\\\",mount=~\\\"/data.*\\\"\"", hours(-1), hours(2));

    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.number("/id");
    assertThat(created.text("/state")).isEqualTo("active");
    assertThat(created.text("/uuid")).hasSize(36);
    assertThat(created.text("/matchers")).isEqualTo("{source=\"" + run + "\",mount=~\"/data.*\"}");
    assertThat(created.text("/createdBy")).isEqualTo(Api.ADMIN_ACTOR);
    assertThat(api.get("/api/silences/" + id).text("/uuid")).isEqualTo(created.text("/uuid"));
    assertThat(api.get("/api/silences?state=active").json().at("/silences").valueStream())
        .anyMatch(silence -> silence.at("/id").asLong() == id);
    assertThat(api.get("/api/silences?state=pending,expired").json().at("/silences").valueStream())
        .noneMatch(silence -> silence.at("/id").asLong() == id);
  }

  @Test
  void pendingSilence_updatedInPlace_thenExpired() {
    long id = create("\"source=" + run + "\"", hours(1), hours(2)).number("/id");

    Api.Answer updated =
        api.put("/api/silences/" + id, body("\"source=" + run + "\"", hours(1), hours(3)));
    assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
    assertThat(updated.number("/id")).isEqualTo(id);
    assertThat(updated.text("/state")).isEqualTo("pending");
    assertThat(Instant.parse(updated.text("/endsAt"))).isEqualTo(hours(3));

    Api.Answer expired = api.post("/api/silences/" + id + "/expire", "");
    assertThat(expired.status()).as(expired.raw().body()).isEqualTo(200);
    assertThat(expired.text("/state")).isEqualTo("expired");
  }

  @Test
  void changingMatchers_expiresTheSilence_andAnswersANewOne() {
    long id = create("\"source=" + run + "\"", hours(0), hours(2)).number("/id");

    Api.Answer replaced =
        api.put("/api/silences/" + id, body("\"source=" + run + ",mount=/x\"", hours(0), hours(2)));

    assertThat(replaced.number("/id")).isNotEqualTo(id);
    assertThat(api.get("/api/silences/" + id).text("/state")).isEqualTo("expired");
  }

  @Test
  void badInput_answers400NamingEachField_andWritesNothing() {
    long before = total("");

    Api.Answer bad =
        api.post(
            "/api/silences",
            """
            {"matchers":"source=~\\"(\\"","startsAt":"yesterday","endsAt":"2020-01-01T00:00:00Z"}
            """);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.fields()).contains("matchers", "startsAt");
    Api.Answer matchesAll = create("\"source=~\\\".*\\\"\"", hours(0), hours(1));
    assertThat(matchesAll.status()).isEqualTo(400);
    assertThat(matchesAll.fields()).containsExactly("matchers");
    Api.Answer tooLong = create("\"source=" + run + "\"", hours(0), hours(24 * 8));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.fields()).containsExactly("endsAt");
    Api.Answer backwards = create("\"source=" + run + "\"", hours(2), hours(1));
    assertThat(backwards.fields()).containsExactly("endsAt");
    assertThat(api.get("/api/silences?state=bogus").fields()).containsExactly("state");
    assertThat(api.get("/api/silences?limit=0").fields()).containsExactly("limit");

    assertThat(total("")).isEqualTo(before);
    assertThat(api.get("/api/silences/999999").status()).isEqualTo(404);
    assertThat(api.post("/api/silences/999999/expire", "").status()).isEqualTo(404);
  }

  /** Polls the alert until the condition holds: the sweep marks alerts within a second. */
  private Api.Answer alertWhen(long id, java.util.function.Predicate<Api.Answer> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
    Api.Answer alert = api.get("/api/alerts/" + id);
    while (!condition.test(alert) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      alert = api.get("/api/alerts/" + id);
    }
    return alert;
  }

  @Test
  void silence_marksTheMatchingAlertSuppressed_withHistory_andExpiringItEndsThat()
      throws InterruptedException {
    trigger(run + "-a", "/data");
    trigger(run + "-b", "/home");
    long silenced =
        api.get("/api/alerts?source=" + run + "&attr.mount=/data").number("/alerts/0/id");
    long other = api.get("/api/alerts?source=" + run + "&attr.mount=/home").number("/alerts/0/id");

    Api.Answer created = create("\"source=" + run + ",mount=/data\"", hours(0), hours(1));
    String uuid = created.text("/uuid");
    Api.Answer marked = alertWhen(silenced, a -> a.json().at("/suppressed").asBoolean());

    assertThat(marked.json().at("/suppressed").asBoolean()).isTrue();
    assertThat(marked.text("/status")).isEqualTo("open");
    assertThat(marked.text("/suppressedBy/0/kind")).isEqualTo("silence");
    assertThat(marked.text("/suppressedBy/0/id")).isEqualTo(uuid);
    assertThat(Instant.parse(marked.text("/suppressedBy/0/until"))).isEqualTo(hours(1));
    assertThat(api.get("/api/alerts/" + other).json().at("/suppressed").asBoolean()).isFalse();
    assertThat(api.get("/api/alerts/" + silenced + "/history").json().valueStream())
        .anyMatch(entry -> entry.at("/action").asString().equals("suppressed"));

    api.post("/api/silences/" + created.number("/id") + "/expire", "");
    Api.Answer ended = alertWhen(silenced, a -> !a.json().at("/suppressed").asBoolean());
    assertThat(ended.json().at("/suppressed").asBoolean()).isFalse();
    assertThat(ended.json().at("/suppressedBy").isEmpty()).isTrue();
    assertThat(api.get("/api/alerts/" + silenced + "/history").json().valueStream())
        .anyMatch(entry -> entry.at("/action").asString().equals("unsuppressed"));
  }

  @Test
  void suppressedFilter_listsOnlySilencedAlerts_orOnlyTheOthers_andRefusesOtherWords()
      throws InterruptedException {
    trigger(run + "-a", "/data");
    trigger(run + "-b", "/home");
    long silenced =
        api.get("/api/alerts?source=" + run + "&attr.mount=/data").number("/alerts/0/id");
    create("\"source=" + run + ",mount=/data\"", hours(0), hours(1));
    alertWhen(silenced, a -> a.json().at("/suppressed").asBoolean());

    Api.Answer quiet = api.get("/api/alerts?source=" + run + "&suppressed=true");
    Api.Answer loud = api.get("/api/alerts?source=" + run + "&suppressed=false");

    assertThat(quiet.number("/total")).isEqualTo(1);
    assertThat(quiet.number("/alerts/0/id")).isEqualTo(silenced);
    assertThat(loud.number("/total")).isEqualTo(1);
    assertThat(loud.text("/alerts/0/fingerprint")).isEqualTo(run + "-b");
    Api.Answer bad = api.get("/api/alerts?source=" + run + "&suppressed=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.fields()).containsExactly("suppressed");
  }

  @Test
  void snooze_suppressesOneAlertUntilItsTime_unsnoozeEndsIt_andFinalAlertsAreRefused()
      throws InterruptedException {
    trigger(run + "-s", "/data");
    long id = api.get("/api/alerts?source=" + run).number("/alerts/0/id");

    Api.Answer snoozed =
        api.post("/api/alerts/" + id + "/snooze", "{\"for\":\"2h\",\"note\":\"lunch\"}");
    assertThat(snoozed.status()).as(snoozed.raw().body()).isEqualTo(200);
    Api.Answer marked = alertWhen(id, a -> a.json().at("/suppressed").asBoolean());
    assertThat(marked.text("/suppressedBy/0/kind")).isEqualTo("snooze");
    assertThat(marked.text("/suppressedBy/0/until")).isEqualTo(snoozed.text("/until"));
    assertThat(marked.text("/status")).isEqualTo("open");

    assertThat(api.post("/api/alerts/" + id + "/unsnooze", "").status()).isEqualTo(200);
    assertThat(
            alertWhen(id, a -> !a.json().at("/suppressed").asBoolean())
                .json()
                .at("/suppressed")
                .asBoolean())
        .isFalse();

    Api.Answer both =
        api.post(
            "/api/alerts/" + id + "/snooze", "{\"for\":\"2h\",\"until\":\"2030-01-01T00:00:00Z\"}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.fields()).containsExactly("until");
    assertThat(api.post("/api/alerts/" + id + "/snooze", "{\"for\":\"soon\"}").fields())
        .containsExactly("for");
    assertThat(
            api.post("/api/alerts/" + id + "/snooze", "{\"until\":\"2020-01-01T00:00:00Z\"}")
                .fields())
        .containsExactly("until");
    assertThat(api.post("/api/alerts/999999/snooze", "{\"for\":\"1h\"}").status()).isEqualTo(404);
    api.post("/api/alerts/" + id + "/resolve", "{}");
    assertThat(api.post("/api/alerts/" + id + "/snooze", "{\"for\":\"1h\"}").status())
        .isEqualTo(409);
    assertThat(api.post("/api/alerts/" + id + "/unsnooze", "").status()).isEqualTo(409);
  }

  @Test
  void preview_listsTheActiveAlertsTheMatchersWouldSilence() {
    trigger(run + "-a", "/data");
    trigger(run + "-b", "/home");

    Api.Answer preview =
        api.post("/api/silences/preview", "{\"matchers\":\"source=" + run + ",mount=/data\"}");

    assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
    assertThat(preview.number("/total")).isEqualTo(1);
    assertThat(preview.text("/alerts/0/fingerprint")).isEqualTo(run + "-a");
  }
}
