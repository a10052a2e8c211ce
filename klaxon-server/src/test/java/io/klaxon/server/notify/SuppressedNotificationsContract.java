package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import io.klaxon.server.suppress.ExpiryNoticeJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What suppression does to notifications: a route may send resolutions of suppressed alerts, and a
 * notice goes through the routes before a silence or a window occurrence ends (default 15 minutes),
 * once per end.
 */
abstract class SuppressedNotificationsContract extends NotificationsFixture {

  @Autowired ExpiryNoticeJob notices;

  /** A silence on this test's source from now (the test clock) for {@code length}. */
  Api.Answer silence(Duration length) {
    Instant now = clock.instant();
    Api.Answer created =
        api.post(
            "/api/silences",
            """
            {"matchers": "source=\\"%s\\"", "startsAt": "%s", "endsAt": "%s", "comment": "disk swap"}
            """
                .formatted(source, now, now.plus(length)));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created;
  }

  void awaitSuppressed(long id) {
    eventually().until(() -> api.get("/api/alerts/" + id).json().at("/suppressed").asBoolean());
  }

  long noticesOf(String uuid) {
    return api.get("/api/alerts?source=klaxon&attr.suppressionId=" + uuid).number("/total");
  }

  @Test
  void aRouteThatSendsSuppressedResolutions_notifiesTheResolution_whileOthersHoldIt() {
    String sends = webhook("sends", "s");
    String holds = webhook("holds", "s");
    route(
        "sends",
        sends,
        "\"groupWaitSeconds\": 0, \"continue\": true, \"sendSuppressedResolutions\": true");
    route("holds", holds, "\"groupWaitSeconds\": 0");
    boolean flag =
        api.get("/api/routes/" + source + "-sends")
            .json()
            .at("/sendSuppressedResolutions")
            .asBoolean();
    assertThat(flag).isTrue();
    silence(Duration.ofHours(1));

    long id = trigger("r", "high");
    awaitSuppressed(id);
    resolve(id);

    eventually().until(() -> receiver.delivered(path("sends")).size() == 1);
    JsonNode body = receiver.delivered(path("sends")).getFirst().json();
    assertThat(body.at("/alerts/0/alertId").asLong()).isEqualTo(id);
    assertThat(body.at("/alerts/0/occasion").asString()).isEqualTo("resolved");
    awaitJobRounds();
    assertThat(receiver.requests(path("holds"))).isEmpty();
    assertThat(receiver.delivered(path("sends"))).hasSize(1);
  }

  @Test
  void aNoticeGoesBeforeASilenceEnds_onceForThatEnd_andGoesAwayWhenTheSilenceIsExtended() {
    String hook = webhook("notice", "s");
    Api.Answer silence = silence(Duration.ofMinutes(30));
    String uuid = silence.text("/uuid");
    Api.Answer route =
        api.post(
            "/api/routes",
            """
            {"name": "%s-notices", "match": {"type": "suppression_ending",
             "attributes": {"suppressionId": "%s"}}, "receivers": ["%s"], "groupWaitSeconds": 0}
            """
                .formatted(source, uuid, hook));
    assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
    long held = trigger("n", "critical");
    awaitSuppressed(held);

    notices.round();
    assertThat(noticesOf(uuid)).isZero(); // 30 minutes left: not yet
    clock.advance(Duration.ofMinutes(16));
    notices.round();
    notices.round();
    // The job's own thread may run the round first: either way, one notice for this end.
    assertThat(noticesOf(uuid)).isEqualTo(1);

    eventually().until(() -> receiver.delivered(path("notice")).size() == 1);
    JsonNode item = receiver.delivered(path("notice")).getFirst().json().at("/alerts/0");
    assertThat(item.at("/severity").asString()).isEqualTo("critical"); // as the alert it holds
    assertThat(item.at("/source").asString()).isEqualTo("klaxon");
    Api.Answer notice = api.get("/api/alerts?source=klaxon&attr.suppressionId=" + uuid);
    assertThat(notice.number("/total")).isEqualTo(1);
    assertThat(notice.text("/alerts/0/title"))
        .isEqualTo("Silence " + silence.number("/id") + " ends in 14 minutes");
    assertThat(notice.json().at("/alerts/0/suppressed").asBoolean()).isFalse();

    Instant later = clock.instant().plus(Duration.ofHours(2));
    Api.Answer extended =
        api.put(
            "/api/silences/" + silence.number("/id"),
            """
            {"matchers": "source=\\"%s\\"", "endsAt": "%s", "comment": "takes longer"}
            """
                .formatted(source, later));
    assertThat(extended.number("/id")).isEqualTo(silence.number("/id"));
    notices.round();
    assertThat(api.get("/api/alerts/" + notice.number("/alerts/0/id")).text("/status"))
        .isEqualTo("expired");
    awaitJobRounds();
    assertThat(receiver.delivered(path("notice"))).hasSize(1);
  }

  @Test
  void aNoticeGoesBeforeEachOccurrenceOfAWindowEnds_oncePerOccurrence() {
    String hook = webhook("window-notice", "s");
    Instant now = clock.instant();
    // A daily window that opened ten minutes ago (UTC) and lasts 30 minutes.
    LocalDateTime opened =
        LocalDateTime.ofInstant(now.minus(Duration.ofMinutes(10)), ZoneOffset.UTC)
            .withSecond(0)
            .withNano(0);
    Api.Answer window =
        api.post(
            "/api/maintenance-windows",
            """
            {"name": "nightly backup", "matchers": "source=\\"%s\\"", "rrule": "FREQ=DAILY",
             "startTime": "%s", "timeZone": "UTC", "duration": "30m", "startDate": "%s",
             "comment": "backups"}
            """
                .formatted(source, opened.toLocalTime(), opened.toLocalDate().minusDays(1)));
    assertThat(window.status()).as(window.raw().body()).isEqualTo(201);
    String id = Long.toString(window.number("/id"));
    assertThat(window.json().at("/open").asBoolean()).isTrue();
    Instant firstEnd = Instant.parse(window.text("/next/end"));
    Api.Answer route =
        api.post(
            "/api/routes",
            """
            {"name": "%s-window-notices", "match": {"type": "suppression_ending",
             "attributes": {"suppression": "window", "suppressionId": "%s"}},
             "receivers": ["%s"], "groupWaitSeconds": 0}
            """
                .formatted(source, id, hook));
    assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
    long held = trigger("w", "high");
    awaitSuppressed(held);

    notices.round();
    assertThat(windowNotices(id)).isZero(); // about 20 minutes left: not yet
    clock.advance(Duration.between(clock.instant(), firstEnd.minus(Duration.ofMinutes(10))));
    notices.round();
    notices.round();
    assertThat(windowNotices(id)).isEqualTo(1);
    eventually().until(() -> receiver.delivered(path("window-notice")).size() == 1);
    JsonNode item = receiver.delivered(path("window-notice")).getFirst().json().at("/alerts/0");
    assertThat(item.at("/severity").asString()).isEqualTo("high"); // as the alert it holds
    Api.Answer first = api.get("/api/alerts?source=klaxon&attr.suppressionId=" + id);
    assertThat(first.text("/alerts/0/title"))
        .isEqualTo("Maintenance window " + id + " (nightly backup) ends in 10 minutes");
    assertThat(first.text("/alerts/0/attributes/endsAt")).isEqualTo(firstEnd.toString());

    // The next day's occurrence ends at its own time: a notice of its own.
    clock.advance(Duration.ofDays(1));
    notices.round();
    assertThat(windowNotices(id)).isEqualTo(2);
    Api.Answer both = api.get("/api/alerts?source=klaxon&attr.suppressionId=" + id);
    assertThat(
            both.json().at("/alerts").valueStream().map(a -> a.at("/attributes/endsAt").asString()))
        .containsExactlyInAnyOrder(
            firstEnd.toString(), firstEnd.plus(Duration.ofDays(1)).toString());
  }

  long windowNotices(String id) {
    return api.get("/api/alerts?source=klaxon&attr.suppression=window&attr.suppressionId=" + id)
        .number("/total");
  }
}
