package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Escalation policies end to end on a clock the test moves: steps go out through the outbox while
 * nobody acknowledges, and acknowledging through a step's signed link stops the policy.
 */
abstract class EscalationContract extends SuppressedNotificationsContract {

  /** A person with one webhook as contact; answers the person's name. */
  private String person(String suffix) {
    String hook = webhook(suffix, "s");
    String name = source + "-" + suffix + "-person";
    Api.Answer answer =
        api.post(
            "/api/people",
            """
            {"name": "%s", "timeZone": "Europe/Berlin", "contacts": ["%s"]}
            """
                .formatted(name, hook));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return name;
  }

  private void policyRoute(String policy) {
    Api.Answer route =
        api.post(
            "/api/routes",
            """
            {"name": "%s-esc", "match": {"source": "%s"}, "policy": "%s"}
            """
                .formatted(source, source, policy));
    assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
  }

  @Test
  void unacknowledgedAlertEscalatesStepByStepAndTheLinkOfStepTwoStopsIt() {
    String first = webhook("first", "s");
    String alice = person("alice");
    String third = webhook("third", "s");
    String policy = source + "-policy";
    Api.Answer created =
        api.post(
            "/api/escalation-policies",
            """
            {"name": "%s", "steps": [
              {"afterSeconds": 0, "notify": ["receiver:%s"]},
              {"afterSeconds": 300, "notify": ["person:%s"]},
              {"afterSeconds": 300, "notify": ["receiver:%s"]}]}
            """
                .formatted(policy, first, alice, third));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    policyRoute(policy);

    long acknowledged = trigger("a", "high");
    // A second alert on the same policy, never acknowledged: its third step shows that the job
    // ran past the time of the first alert's third step.
    long ignored = trigger("b", "high");
    eventually().until(() -> receiver.delivered(path("first")).size() == 2);
    assertThat(receiver.requests(path("alice"))).isEmpty();

    clock.advance(Duration.ofSeconds(300));
    eventually().until(() -> receiver.delivered(path("alice")).size() == 2);
    String ackUrl =
        receiver.delivered(path("alice")).stream()
            .map(request -> request.json().at("/alerts/0"))
            .filter(item -> item.at("/alertId").asLong() == acknowledged)
            .findFirst()
            .orElseThrow()
            .at("/ackUrl")
            .asString();
    String link = ackUrl.substring("https://klaxon.example.com".length());
    Api.Answer console =
        api.send(api.request("/alerts/" + acknowledged).header("Accept", "text/html").GET());
    assertThat(console.status()).isEqualTo(200);
    assertThat(console.raw().body())
        .contains("Escalation", policy, "running", "step 3 of 3", "receiver:" + third);
    Api anonymous = api.anonymous();
    Api.Answer page = anonymous.send(anonymous.request(link).header("Accept", "text/html").GET());
    assertThat(page.raw().body()).contains("Acknowledge as person:" + alice);
    Api.Answer done =
        anonymous.send(anonymous.request(link).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(done.status()).isEqualTo(200);
    assertThat(api.get("/api/alerts/" + acknowledged).text("/acknowledgedBy"))
        .isEqualTo("person:" + alice);
    eventually()
        .until(
            () ->
                api.get("/api/alerts/" + acknowledged + "/escalations")
                    .text("/0/endReason")
                    .equals("acknowledged"));

    clock.advance(Duration.ofSeconds(300));
    eventually().until(() -> receiver.delivered(path("third")).size() == 1);
    assertThat(receiver.requests(path("third")))
        .singleElement()
        .satisfies(
            request ->
                assertThat(request.json().at("/alerts/0/alertId").asLong()).isEqualTo(ignored));

    JsonNode state = api.get("/api/alerts/" + acknowledged + "/escalations").json().get(0);
    assertThat(state.at("/policy").asString()).isEqualTo(policy);
    assertThat(state.at("/step").asInt()).isEqualTo(2);
    assertThat(state.at("/lastNotified").asString()).contains("person:" + alice);
    List<String> notes =
        api.get("/api/alerts/" + acknowledged + "/history")
            .json()
            .valueStream()
            .filter(entry -> entry.at("/action").asString().equals("noted"))
            .map(entry -> entry.at("/note").asString())
            .toList();
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0)).contains("step 1", "receiver:" + first);
    assertThat(notes.get(1)).contains("step 2", "person:" + alice);
    assertThat(
            api.get("/api/alerts/" + acknowledged + "/notifications")
                .json()
                .at("/notifications")
                .valueStream()
                .map(n -> n.at("/receiver").asString()))
        .containsExactly(first, source + "-alice");
  }

  @Test
  void aScheduleStepReachesWhoeverIsOnCallAndTheirLinkActsAsThem() {
    String carol = person("carol");
    String schedule = source + "-primary";
    Api.Answer created =
        api.post(
            "/api/schedules",
            """
            {"name": "%s", "timeZone": "UTC",
             "rotations": [{"members": ["%s"], "start": "2020-01-06T09:00",
                            "shiftLength": {"amount": 1, "unit": "weeks"}}]}
            """
                .formatted(schedule, carol));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String policy = source + "-oncall";
    assertThat(
            api.post(
                    "/api/escalation-policies",
                    """
                    {"name": "%s", "steps": [{"notify": ["schedule:%s"]}]}
                    """
                        .formatted(policy, schedule))
                .status())
        .isEqualTo(201);
    policyRoute(policy);

    long id = trigger("s", "critical");
    eventually().until(() -> receiver.delivered(path("carol")).size() == 1);
    String ackUrl =
        receiver.delivered(path("carol")).getFirst().json().at("/alerts/0/ackUrl").asString();
    Api anonymous = api.anonymous();
    Api.Answer page =
        anonymous.send(
            anonymous
                .request(ackUrl.substring("https://klaxon.example.com".length()))
                .header("Accept", "text/html")
                .GET());
    assertThat(page.raw().body()).contains("Acknowledge as person:" + carol);
    eventually()
        .until(
            () ->
                api.get("/api/alerts/" + id + "/escalations").text("/0/endReason").equals("done"));
    assertThat(api.get("/api/alerts/" + id + "/escalations").text("/0/lastNotified"))
        .contains("schedule:" + schedule + " (" + carol + ")");
    assertThat(api.delete("/api/schedules/" + schedule).status()).isEqualTo(409);
  }

  @Test
  void aStepOfASuppressedAlertWaitsUntilNothingSuppressesIt() {
    String hook = webhook("quiet", "s");
    String policy = source + "-quiet";
    assertThat(
            api.post(
                    "/api/escalation-policies",
                    """
                    {"name": "%s", "steps": [{"afterSeconds": 60, "notify": ["receiver:%s"]}]}
                    """
                        .formatted(policy, hook))
                .status())
        .isEqualTo(201);
    policyRoute(policy);
    long id = trigger("q", "high");
    eventually().until(() -> api.get("/api/alerts/" + id + "/escalations").json().size() == 1);
    String firstDue = api.get("/api/alerts/" + id + "/escalations").text("/0/nextAt");
    assertThat(api.post("/api/alerts/" + id + "/snooze", "{\"for\": \"1h\"}").status())
        .isEqualTo(200);
    eventually().until(() -> api.get("/api/alerts/" + id).json().at("/suppressed").asBoolean());

    clock.advance(Duration.ofSeconds(120));
    // The due step is looked at, not sent, and waits: its time moves on.
    eventually()
        .until(
            () ->
                !api.get("/api/alerts/" + id + "/escalations").text("/0/nextAt").equals(firstDue));
    assertThat(receiver.requests(path("quiet"))).isEmpty();
    assertThat(api.get("/api/alerts/" + id + "/escalations").json().at("/0/lastStepAt").isNull())
        .isTrue();

    assertThat(api.post("/api/alerts/" + id + "/unsnooze", "{}").status()).isEqualTo(200);
    eventually().until(() -> !api.get("/api/alerts/" + id).json().at("/suppressed").asBoolean());
    clock.advance(Duration.ofSeconds(60));
    eventually().until(() -> receiver.delivered(path("quiet")).size() == 1);
  }

  @Test
  void aPolicyNamingWhatDoesNotExistIsRefusedNamingTheFieldAndNothingIsWritten() {
    String hook = webhook("bad", "s");
    Api.Answer refused =
        api.post(
            "/api/escalation-policies",
            """
            {"name": "%s-bad", "steps": [
              {"afterSeconds": -1, "notify": ["receiver:%s", "person:nobody", "schedule:none", "x"]}]}
            """
                .formatted(source, hook));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.fields())
        .contains(
            "steps[0].afterSeconds",
            "steps[0].notify[1]",
            "steps[0].notify[2]",
            "steps[0].notify[3]");
    Api.Answer empty =
        api.post(
            "/api/escalation-policies",
            "{\"name\": \"%s-empty\", \"steps\": []}".formatted(source));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.fields()).contains("steps");
    assertThat(api.get("/api/escalation-policies/" + source + "-bad").status()).isEqualTo(404);
    assertThat(api.get("/api/escalation-policies/" + source + "-empty").status()).isEqualTo(404);

    Api.Answer route =
        api.post(
            "/api/routes",
            "{\"name\": \"%s-r\", \"policy\": \"%s-missing\"}".formatted(source, source));
    assertThat(route.status()).isEqualTo(400);
    assertThat(route.fields()).contains("policy");
  }

  @Test
  void whatAPolicyNotifiesCannotBeDeletedAndTheConflictNamesThePolicy() {
    String alice = person("del");
    String hook = webhook("del-hook", "s");
    String policy = source + "-uses";
    assertThat(
            api.post(
                    "/api/escalation-policies",
                    """
                    {"name": "%s", "steps": [{"notify": ["person:%s", "receiver:%s"]}]}
                    """
                        .formatted(policy, alice, hook))
                .status())
        .isEqualTo(201);

    Api.Answer person = api.delete("/api/people/" + alice);
    assertThat(person.status()).isEqualTo(409);
    assertThat(person.raw().body()).contains(policy);
    Api.Answer receiverGone = api.delete("/api/receivers/" + hook);
    assertThat(receiverGone.status()).isEqualTo(409);
    assertThat(receiverGone.raw().body()).contains(policy);
    assertThat(api.get("/api/people/" + alice).status()).isEqualTo(200);

    policyRoute(policy);
    Api.Answer policyGone = api.delete("/api/escalation-policies/" + policy);
    assertThat(policyGone.status()).isEqualTo(409);
    assertThat(policyGone.raw().body()).contains(source + "-esc");
  }
}
