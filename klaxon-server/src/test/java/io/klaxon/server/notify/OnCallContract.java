package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** People and schedules through the API: on call across a daylight-saving change, bad input. */
abstract class OnCallContract extends AckLinkContract {

  private void person(String name, String contacts) {
    Api.Answer answer =
        api.post(
            "/api/people",
            """
            {"name": "%s", "timeZone": "Europe/Berlin", "contacts": [%s]}
            """
                .formatted(name, contacts));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
  }

  private String dailySchedule(String alice, String bob) {
    String name = source + "-primary";
    Api.Answer answer =
        api.post(
            "/api/schedules",
            """
            {"name": "%s", "timeZone": "Europe/Berlin",
             "rotations": [{"members": ["%s", "%s"], "start": "2026-03-27T09:00",
                            "shiftLength": {"amount": 1, "unit": "days"}}],
             "overrides": [{"person": "%s", "start": "2026-03-30T12:00:00Z", "end": "2026-03-30T14:00:00Z"}]}
            """
                .formatted(name, alice, bob, alice));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return name;
  }

  @Test
  void whoIsOnCallFollowsTheRotationAcrossTheDaylightSavingChange() {
    String hook = webhook("oncall", "s");
    String alice = source + "-alice";
    String bob = source + "-bob";
    person(alice, "\"" + hook + "\"");
    person(bob, "");
    String schedule = dailySchedule(alice, bob);
    assertThat(api.get("/api/people/" + alice).json().at("/contacts/0").asString()).isEqualTo(hook);

    String onCall = "/api/schedules/" + schedule + "/on-call?at=";
    assertThat(api.get(onCall + "2026-03-29T06:59:00Z").text("/person")).isEqualTo(bob);
    assertThat(api.get(onCall + "2026-03-29T07:00:00Z").text("/person")).isEqualTo(alice);
    assertThat(api.get(onCall + "2026-03-30T13:00:00Z").text("/person")).isEqualTo(alice);

    JsonNode shifts =
        api.get(
                "/api/schedules/"
                    + schedule
                    + "/shifts?from=2026-03-28T08:00:00Z&to=2026-03-29T07:00:00Z")
            .json();
    assertThat(shifts.at("/shifts")).hasSize(1);
    assertThat(shifts.at("/shifts/0/person").asString()).isEqualTo(bob);

    String now = api.get("/api/schedules/" + schedule + "/on-call").text("/person");
    Api.Answer page = api.send(api.request("/oncall").header("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body())
        .contains("id=\"schedule-" + schedule + "\"", "Next 14 days of " + schedule)
        .contains(
            "class=\"oncall-now\">" + (now == null || now.equals("null") ? "nobody" : now) + "<")
        // The navigation marks the page it is on, from the page's path.
        .contains("aria-current=\"page\">On call<")
        .doesNotContain("aria-current=\"page\">Alerts<");

    Api.Answer ics = api.get("/api/schedules/" + schedule + ".ics");
    assertThat(ics.status()).isEqualTo(200);
    assertThat(ics.contentType()).startsWith("text/calendar");
    assertThat(ics.raw().body())
        .startsWith("BEGIN:VCALENDAR\r\n")
        .contains("BEGIN:VEVENT\r\n", "SUMMARY:" + alice + " on call")
        .endsWith("END:VCALENDAR\r\n");
  }

  @Test
  void badPeopleAndSchedulesAreRefusedNamingEveryFieldAndNothingIsWritten() {
    Api.Answer person =
        api.post(
            "/api/people",
            """
            {"name": "%s-x", "timeZone": "Mars/Olympus", "contacts": ["nobody"]}
            """
                .formatted(source));
    assertThat(person.status()).isEqualTo(400);
    assertThat(person.fields()).containsExactly("timeZone", "contacts[0]");
    assertThat(api.get("/api/people/" + source + "-x").status()).isEqualTo(404);

    Api.Answer schedule =
        api.post(
            "/api/schedules",
            """
            {"name": "%s-s", "timeZone": "Nowhere/City",
             "rotations": [{"members": [], "start": "2026-03-27T09:00", "shiftLength": {"amount": 1, "unit": "days"}},
                           {"members": ["ghost"], "start": "yesterday", "shiftLength": {"amount": -1, "unit": "fortnights"}}],
             "overrides": [{"person": "ghost", "start": "2026-03-30T14:00:00Z", "end": "2026-03-30T12:00:00Z"}]}
            """
                .formatted(source));
    assertThat(schedule.status()).isEqualTo(400);
    assertThat(schedule.fields())
        .contains(
            "timeZone",
            "rotations[0].members",
            "rotations[1].members[0]",
            "rotations[1].start",
            "overrides[0].person");
    assertThat(api.get("/api/schedules/" + source + "-s").status()).isEqualTo(404);
    assertThat(api.get("/api/schedules/" + source + "-s/on-call").status()).isEqualTo(404);
  }

  @Test
  void aPersonAScheduleNamesAndAReceiverAPersonUsesCannotBeDeleted() {
    String hook = webhook("contact", "s");
    String alice = source + "-alice";
    String bob = source + "-bob";
    person(alice, "\"" + hook + "\"");
    person(bob, "");
    String schedule = dailySchedule(alice, bob);

    Api.Answer person = api.delete("/api/people/" + bob);
    assertThat(person.status()).isEqualTo(409);
    assertThat(person.raw().body()).contains(schedule);
    Api.Answer receiverInUse = api.delete("/api/receivers/" + hook);
    assertThat(receiverInUse.status()).isEqualTo(409);
    assertThat(receiverInUse.raw().body()).contains(alice);

    assertThat(api.delete("/api/schedules/" + schedule).status()).isEqualTo(204);
    assertThat(api.delete("/api/people/" + bob).status()).isEqualTo(204);
    assertThat(api.delete("/api/people/" + alice).status()).isEqualTo(204);
    assertThat(api.delete("/api/receivers/" + hook).status()).isEqualTo(204);
  }
}
