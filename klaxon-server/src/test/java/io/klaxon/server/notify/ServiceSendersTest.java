package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Discord;
import io.klaxon.notify.Gotify;
import io.klaxon.notify.Mattermost;
import io.klaxon.notify.Message;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStatus;
import io.klaxon.notify.Ntfy;
import io.klaxon.notify.Occasion;
import io.klaxon.notify.Opsgenie;
import io.klaxon.notify.PagerDuty;
import io.klaxon.notify.Pushover;
import io.klaxon.notify.Receiver;
import io.klaxon.notify.Teams;
import io.klaxon.notify.Telegram;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each paging, chat and push service gets the request its documentation describes: checked at a
 * local fake of the service's API (method, path, headers, body fields), with no Spring context.
 */
class ServiceSendersTest {

  private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");
  private static final byte[] KEY =
      "an acknowledge-link key of 32 bytes".getBytes(StandardCharsets.UTF_8);
  private static TestReceiver fake;
  private static Senders senders;

  @BeforeAll
  static void start() throws IOException {
    fake = new TestReceiver();
    Payloads payloads =
        new Payloads(
            JsonMapper.builder().build(),
            "https://klaxon.example.com/",
            new AckLinks(KEY, Duration.ofHours(24), () -> NOW, "https://klaxon.example.com"));
    HttpDelivery http = new HttpDelivery(Duration.ofSeconds(1), Duration.ofSeconds(2), () -> NOW);
    senders =
        new Senders(
            payloads,
            http,
            new EmailDelivery(payloads, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new TargetGuard(List.of("127.0.0.1")));
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  @Test
  void pagerDutyTriggersByDedupKeyAndResolvesTheSameKey() {
    PagerDuty pd = new PagerDuty("pd", base("/pd"), "R0UT1NG", null);
    assertThat(send(pd, item(12, Occasion.OPENED, Severity.HIGH)).delivered()).isTrue();
    assertThat(send(pd, item(12, Occasion.RESOLVED, Severity.HIGH)).delivered()).isTrue();

    List<TestReceiver.Request> requests = fake.requests("/pd/v2/enqueue");
    assertThat(requests).hasSize(2).allMatch(r -> r.method().equals("POST"));
    assertThat(requests.getFirst().header("Content-Type")).isEqualTo("application/json");
    JsonNode trigger = requests.getFirst().json();
    assertThat(trigger.at("/routing_key").asString()).isEqualTo("R0UT1NG");
    assertThat(trigger.at("/event_action").asString()).isEqualTo("trigger");
    assertThat(trigger.at("/dedup_key").asString()).isEqualTo("klaxon-12");
    assertThat(trigger.at("/payload/summary").asString()).isEqualTo("Disk full 12");
    assertThat(trigger.at("/payload/severity").asString()).isEqualTo("error");
    assertThat(trigger.at("/payload/source").asString()).isNotBlank();
    assertThat(trigger.at("/payload/timestamp").asString()).isEqualTo(NOW.toString());
    assertThat(trigger.at("/links/0/href").asString())
        .isEqualTo("https://klaxon.example.com/alerts/12");
    assertThat(trigger.at("/links/1/href").asString())
        .startsWith("https://klaxon.example.com/ack/");
    JsonNode resolve = requests.get(1).json();
    assertThat(resolve.at("/event_action").asString()).isEqualTo("resolve");
    assertThat(resolve.at("/dedup_key").asString()).isEqualTo("klaxon-12");
    assertThat(resolve.has("payload")).isFalse();
  }

  @Test
  void opsgenieCreatesByAliasAndClosesByAlias() {
    Opsgenie og = new Opsgenie("og", base("/og/"), "k3y", null);
    send(og, item(7, Occasion.OPENED, Severity.CRITICAL));
    send(og, item(7, Occasion.RESOLVED, Severity.CRITICAL));

    TestReceiver.Request create = fake.requests("/og/v2/alerts").getFirst();
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.header("Authorization")).isEqualTo("GenieKey k3y");
    assertThat(create.json().at("/alias").asString()).isEqualTo("klaxon-7");
    assertThat(create.json().at("/message").asString()).isEqualTo("Disk full 7");
    assertThat(create.json().at("/priority").asString()).isEqualTo("P1");
    assertThat(create.json().at("/details/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/7");
    TestReceiver.Request close = fake.requests("/og/v2/alerts/klaxon-7/close").getFirst();
    assertThat(close.method()).isEqualTo("POST");
    assertThat(close.query()).isEqualTo("identifierType=alias");
    assertThat(close.header("Authorization")).isEqualTo("GenieKey k3y");
    assertThat(close.json().at("/source").asString()).isEqualTo("Klaxon");
  }

  @Test
  void teamsGetsAnAdaptiveCardWithAButtonToTheAlert() {
    send(
        new Teams("teams", base("/workflows/abc?sig=s"), null),
        item(3, Occasion.OPENED, Severity.MEDIUM));

    TestReceiver.Request request = fake.requests("/workflows/abc").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.query()).isEqualTo("sig=s");
    JsonNode body = request.json();
    assertThat(body.at("/type").asString()).isEqualTo("message");
    assertThat(body.at("/attachments/0/contentType").asString())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = body.at("/attachments/0/content");
    assertThat(card.at("/type").asString()).isEqualTo("AdaptiveCard");
    assertThat(card.at("/version").asString()).isEqualTo("1.4");
    assertThat(card.at("/body/0/text").asString()).isEqualTo("[MEDIUM] opened: Disk full 3");
    assertThat(card.at("/actions/0/type").asString()).isEqualTo("Action.OpenUrl");
    assertThat(card.at("/actions/0/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/3");
    assertThat(card.at("/actions/1/title").asString()).isEqualTo("Acknowledge 3");
  }

  @Test
  void telegramSendsHtmlTextWithAnInlineButtonToTheBotApi() {
    send(
        new Telegram("tg", base("/tg"), "123:ABC-def", "-100200", null),
        item(4, Occasion.OPENED, Severity.LOW, "<b>CPU</b> & load"));

    TestReceiver.Request request = fake.requests("/tg/bot123:ABC-def/sendMessage").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    JsonNode body = request.json();
    assertThat(body.at("/chat_id").asString()).isEqualTo("-100200");
    assertThat(body.at("/parse_mode").asString()).isEqualTo("HTML");
    assertThat(body.at("/text").asString())
        .contains("&lt;b&gt;CPU&lt;/b&gt; &amp; load")
        .startsWith("<b>");
    assertThat(body.at("/reply_markup/inline_keyboard/0/0/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/4");
    assertThat(body.at("/reply_markup/inline_keyboard/0/1/text").asString())
        .isEqualTo("Acknowledge");
    assertThat(body.at("/reply_markup/inline_keyboard/0/1/url").asString())
        .startsWith("https://klaxon.example.com/ack/");
  }

  @Test
  void discordGetsAnEmbedPerAlertAndNeverPingsAnyone() {
    send(
        new Discord("dc", base("/api/webhooks/1/tok"), null),
        item(5, Occasion.OPENED, Severity.CRITICAL));

    TestReceiver.Request request = fake.requests("/api/webhooks/1/tok").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = request.json();
    assertThat(body.at("/content").asString()).contains("CRITICAL");
    assertThat(body.at("/allowed_mentions/parse")).isEmpty();
    assertThat(body.at("/embeds/0/title").asString()).isEqualTo("Disk full 5");
    assertThat(body.at("/embeds/0/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/5");
    assertThat(body.at("/embeds/0/color").asInt()).isEqualTo(0xd50000);
  }

  @Test
  void mattermostGetsSlackStyleAttachmentsAndTheChannel() {
    send(
        new Mattermost("mm", base("/hooks/xyz"), "town-square", null),
        item(6, Occasion.ACKNOWLEDGED, Severity.INFO));

    TestReceiver.Request request = fake.requests("/hooks/xyz").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    JsonNode body = request.json();
    assertThat(body.at("/channel").asString()).isEqualTo("town-square");
    assertThat(body.at("/text").asString()).isEqualTo("[INFO] acknowledged: Disk full 6");
    assertThat(body.at("/attachments/0/title_link").asString())
        .isEqualTo("https://klaxon.example.com/alerts/6");
    assertThat(body.at("/attachments/0/color").asString()).isEqualTo("#9e9e9e");
  }

  @Test
  void ntfyPublishesJsonToTheServerRootWithTheTokenAndAViewAction() {
    send(
        new Ntfy("ntfy", base("/ntfy"), "ops-alerts", "tk_secret", null),
        item(8, Occasion.OPENED, Severity.CRITICAL));

    TestReceiver.Request request = fake.requests("/ntfy/").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Authorization")).isEqualTo("Bearer tk_secret");
    JsonNode body = request.json();
    assertThat(body.at("/topic").asString()).isEqualTo("ops-alerts");
    assertThat(body.at("/title").asString()).isEqualTo("[CRITICAL] opened: Disk full 8");
    assertThat(body.at("/priority").asInt()).isEqualTo(5);
    assertThat(body.at("/click").asString()).isEqualTo("https://klaxon.example.com/alerts/8");
    assertThat(body.at("/actions/0/action").asString()).isEqualTo("view");
    assertThat(body.at("/actions/0/label").asString()).isEqualTo("Acknowledge");
    assertThat(body.at("/actions/0/url").asString()).startsWith("https://klaxon.example.com/ack/");
    assertThat(body.at("/actions/1/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/8");
  }

  @Test
  void gotifyPostsAMessageWithTheAppTokenHeaderAndAClickUrl() {
    send(
        new Gotify("gotify", base("/gotify"), "AppT0ken", null),
        item(9, Occasion.OPENED, Severity.HIGH));

    TestReceiver.Request request = fake.requests("/gotify/message").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("X-Gotify-Key")).isEqualTo("AppT0ken");
    JsonNode body = request.json();
    assertThat(body.at("/title").asString()).isEqualTo("[HIGH] opened: Disk full 9");
    assertThat(body.at("/message").asString()).contains("https://klaxon.example.com/alerts/9");
    assertThat(body.at("/priority").asInt()).isEqualTo(8);
    assertThat(body.at("/extras/client::notification/click/url").asString())
        .isEqualTo("https://klaxon.example.com/alerts/9");
  }

  @Test
  void pushoverPostsTheDocumentedFormWithTokenUserAndUrl() {
    send(
        new Pushover("po", base("/po"), "aToken", "uKey", null),
        item(10, Occasion.OPENED, Severity.CRITICAL));

    TestReceiver.Request request = fake.requests("/po/1/messages.json").getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    Map<String, String> form =
        Arrays.stream(request.body().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(
                Collectors.toMap(
                    pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    assertThat(form)
        .containsEntry("token", "aToken")
        .containsEntry("user", "uKey")
        .containsEntry("title", "[CRITICAL] opened: Disk full 10")
        .containsEntry("url", "https://klaxon.example.com/alerts/10")
        .containsEntry("priority", "1");
  }

  @Test
  void aServiceAnsweringAnErrorIsAFailedDeliveryWithItsRetryAfter() {
    fake.script("/pd-busy/v2/enqueue", new TestReceiver.Answer.Status(429, "30"));
    DeliveryResult result =
        send(
            new PagerDuty("pd", base("/pd-busy"), "k", null),
            item(1, Occasion.OPENED, Severity.HIGH));
    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isEqualTo(429);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aServiceOnAHostThatIsNotAllowedIsNeverCalled() {
    Senders guarded =
        new Senders(
            new Payloads(
                JsonMapper.builder().build(),
                "https://k.example.com",
                new AckLinks(KEY, Duration.ofHours(1), () -> NOW, "https://k.example.com")),
            new HttpDelivery(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> NOW),
            null,
            new TargetGuard(List.of("ntfy.example.com")));
    DeliveryResult result =
        guarded.send(
            new Ntfy("n", base("/blocked"), "t", null, null),
            message(item(1, Occasion.OPENED, Severity.LOW)));
    assertThat(result.delivered()).isFalse();
    assertThat(result.error()).contains("not in klaxon.notify.allowed-hosts");
    assertThat(fake.requests("/blocked/")).isEmpty();
  }

  private static URI base(String path) {
    return URI.create(fake.url(path));
  }

  private static NotificationItem item(long alertId, Occasion occasion, Severity severity) {
    return item(alertId, occasion, severity, "Disk full " + alertId);
  }

  private static NotificationItem item(
      long alertId, Occasion occasion, Severity severity, String title) {
    AlertStatus status =
        switch (occasion) {
          case RESOLVED -> AlertStatus.RESOLVED;
          case ACKNOWLEDGED -> AlertStatus.ACKNOWLEDGED;
          default -> AlertStatus.OPEN;
        };
    return new NotificationItem(alertId, occasion, severity, status, title, NOW);
  }

  private static DeliveryResult send(Receiver receiver, NotificationItem item) {
    return senders.send(receiver, message(item));
  }

  private static Message message(NotificationItem item) {
    Notification notification =
        new Notification(
            1,
            "key-" + item.alertId() + "-" + item.occasion().word(),
            "route",
            "receiver",
            "group",
            NotificationStatus.PENDING,
            NOW,
            NOW,
            NOW,
            0,
            null,
            null,
            List.of(item));
    return new Message(notification, List.of(new Message.Entry(item, null)));
  }
}
