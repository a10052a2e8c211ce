package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The paging, chat and push services through the API: documented defaults, secrets masked and kept,
 * fields checked by name, the allowed-hosts guard, the test endpoint, and a real alert's trigger
 * and resolve reaching PagerDuty's fake.
 */
abstract class ServiceReceiverContract extends NotifyConfigContract {

  @Test
  void everyServiceTypeIsAcceptedWithItsSecretsMaskedAndKept() {
    String[] bodies = {
      """
      {"type": "pagerduty", "url": "%s", "routingKey": "pd-secret"}\
      """,
      """
      {"type": "opsgenie", "url": "%s", "apiKey": "og-secret"}\
      """,
      """
      {"type": "teams", "url": "%s?sig=teams-secret"}\
      """,
      """
      {"type": "telegram", "url": "%s", "botToken": "1:tg-secret", "chatId": "-42"}\
      """,
      """
      {"type": "discord", "url": "%s/discord-secret"}\
      """,
      """
      {"type": "mattermost", "url": "%s/mm-secret", "channel": "ops"}\
      """,
      """
      {"type": "ntfy", "url": "%s", "topic": "ops", "token": "ntfy-secret"}\
      """,
      """
      {"type": "gotify", "url": "%s", "token": "gotify-secret"}\
      """,
      """
      {"type": "pushover", "url": "%s", "token": "po-secret", "user": "po-user-secret"}\
      """
    };
    for (String body : bodies) {
      String type = body.substring(body.indexOf(": \"") + 3, body.indexOf("\","));
      String name = source + "-" + type;
      Api.Answer created =
          api.put("/api/receivers/" + name, body.formatted(receiver.url(path(type))));
      assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
      assertThat(created.raw().body()).doesNotContain("secret");
      Api.Answer shown = api.get("/api/receivers/" + name);
      assertThat(shown.text("/type")).isEqualTo(type);
      assertThat(shown.raw().body()).as(type).doesNotContain("secret").contains("********");

      // What GET answered, sent back as it is, keeps every secret: the test still reaches the fake.
      assertThat(api.put("/api/receivers/" + name, shown.raw().body()).status()).isEqualTo(200);
      Api.Answer tested = api.post("/api/receivers/" + name + "/test", "");
      assertThat(tested.json().at("/delivered").asBoolean()).as(type).isTrue();
    }
    assertThat(
            receiver
                .requests(path("pagerduty") + "/v2/enqueue")
                .getFirst()
                .json()
                .at("/routing_key")
                .asString())
        .isEqualTo("pd-secret");
    assertThat(receiver.requests(path("telegram") + "/bot1:tg-secret/sendMessage")).hasSize(1);
    assertThat(receiver.requests(path("discord") + "/discord-secret")).hasSize(1);
    assertThat(receiver.requests(path("pushover") + "/1/messages.json").getFirst().body())
        .contains("token=po-secret", "user=po-user-secret");
  }

  @Test
  void servicesWithAPublicApiDefaultToItsAddress() {
    // The address is only checked against the guard, which lists 127.0.0.1 and localhost here.
    Api.Answer pagerDuty =
        api.post(
            "/api/receivers",
            """
            {"name": "%s-pd-default", "type": "pagerduty", "routingKey": "k"}
            """
                .formatted(source));
    assertThat(pagerDuty.status()).isEqualTo(400);
    assertThat(pagerDuty.fields()).containsExactly("url");
    assertThat(pagerDuty.raw().body()).contains("events.pagerduty.com");
  }

  @Test
  void aServiceMissingItsFieldsIsRefusedNamingThemAndNothingIsStored() {
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-tg", "type": "telegram", "url": "%s"}
                    """
                        .formatted(source, receiver.url("/tg")))
                .fields())
        .containsExactly("botToken");
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-ntfy", "type": "ntfy", "url": "%s", "topic": "no spaces"}
                    """
                        .formatted(source, receiver.url("/n")))
                .fields())
        .containsExactly("topic");
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-gotify", "type": "gotify", "token": "t"}
                    """
                        .formatted(source))
                .fields())
        .containsExactly("url");
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-pd", "type": "pagerduty", "url": "%s", "routingKey": "k", "apiKey": "x"}
                    """
                        .formatted(source, receiver.url("/pd")))
                .fields())
        .containsExactly("apiKey");
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-sms", "type": "sms"}
                    """
                        .formatted(source))
                .fields())
        .containsExactly("type");
    assertThat(api.get("/api/receivers").raw().body()).doesNotContain(source + "-");
  }

  @Test
  void anAlertOpenedAndResolvedTriggersAndResolvesOnePagerDutyIncident() {
    String name = source + "-pd";
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s", "type": "pagerduty", "url": "%s", "routingKey": "rk"}
                    """
                        .formatted(name, receiver.url(path("pd"))))
                .status())
        .isEqualTo(201);
    route(
        "to-pd",
        name,
        """
        "notifyOn": ["opened", "resolved"], "groupWaitSeconds": 0\
        """);
    long id = trigger("pd", "critical");
    String events = path("pd") + "/v2/enqueue";
    eventually().until(() -> receiver.delivered(events).size() == 1);
    clock.advance(java.time.Duration.ofSeconds(1));
    resolve(id);
    eventually().until(() -> receiver.delivered(events).size() == 2);

    JsonNode trigger = receiver.delivered(events).get(0).json();
    JsonNode resolve = receiver.delivered(events).get(1).json();
    assertThat(trigger.at("/event_action").asString()).isEqualTo("trigger");
    assertThat(trigger.at("/payload/severity").asString()).isEqualTo("critical");
    assertThat(trigger.at("/payload/source").asString()).isEqualTo(source);
    assertThat(resolve.at("/event_action").asString()).isEqualTo("resolve");
    assertThat(resolve.at("/dedup_key").asString())
        .isEqualTo(trigger.at("/dedup_key").asString())
        .isEqualTo("klaxon-" + id);
  }
}
