package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.klaxon.server.Api;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The receiver and route API: checks naming the field, masked secrets, order, Slack and email. */
abstract class NotifyConfigContract extends NoiseControlContract {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void theIssuesShapesWorkForEveryKindOfReceiver() {
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-hook", "type": "webhook", "url": "%s", "secret": "abc"}
                    """
                        .formatted(source, receiver.url("/x")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-slack", "type": "slack", "url": "%s", "channel": "#ops"}
                    """
                        .formatted(source, receiver.url("/s")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-mail", "type": "email", "to": "ops@example.com", "from": "klaxon@example.com",
                     "smtpHost": "127.0.0.1", "smtpPort": 2525, "username": "u", "password": "p"}
                    """
                        .formatted(source))
                .status())
        .isEqualTo(201);
    Api.Answer route =
        api.post(
            "/api/routes",
            """
            {"name": "%s-critical-to-ops", "match": {"severity": "critical"}, "receivers": ["%s-hook"],
             "notifyOn": ["opened", "resolved"], "groupWaitSeconds": 0}
            """
                .formatted(source, source));
    assertThat(route.status()).as(route.raw().body()).isEqualTo(201);
    assertThat(route.text("/notifyOn/1")).isEqualTo("resolved");
    // Not left in place: a severity-only match would take other tests' alerts.
    assertThat(api.deleteAs("alice", "/api/routes/" + source + "-critical-to-ops").status())
        .isEqualTo(204);
  }

  @Test
  void secretsAreNeverShownAndAMaskedSecretSentBackIsKept() {
    String hook = webhook("masked", "top-secret");
    Api.Answer shown = api.get("/api/receivers/" + hook);
    assertThat(shown.text("/secret")).isEqualTo("********");
    assertThat(shown.raw().body()).doesNotContain("top-secret");
    assertThat(api.get("/api/receivers").raw().body()).doesNotContain("top-secret");

    assertThat(
            api.put(
                    "/api/receivers/" + hook,
                    """
                    {"type": "webhook", "url": "%s", "secret": "********", "headers": {"Authorization": "Bearer t"}}
                    """
                        .formatted(receiver.url(path("masked"))))
                .status())
        .isEqualTo(200);
    route("masked", hook, "\"groupWaitSeconds\": 0");
    trigger("m", "high");
    eventually().until(() -> receiver.delivered(path("masked")).size() == 1);
    TestReceiver.Request request = receiver.delivered(path("masked")).getFirst();
    assertThat(request.header("X-Klaxon-Signature"))
        .isEqualTo(Signature.of("top-secret", request.body()));
    assertThat(request.header("Authorization")).isEqualTo("Bearer t");
  }

  @Test
  void invalidConfigurationIsRefusedNamingEveryField() {
    Api.Answer receiverAnswer =
        api.post(
            "/api/receivers",
            """
            {"name": "bad name", "type": "webhook", "url": "ftp://x"}
            """);
    assertThat(receiverAnswer.status()).isEqualTo(400);
    assertThat(receiverAnswer.contentType()).contains("problem+json");
    assertThat(receiverAnswer.fields()).contains("name");

    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-internal", "type": "webhook", "url": "http://10.1.2.3/hook"}
                    """
                        .formatted(source))
                .fields())
        .containsExactly("url");
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-mixed", "type": "webhook", "url": "%s", "smtpHost": "mail"}
                    """
                        .formatted(source, receiver.url("/x")))
                .fields())
        .containsExactly("smtpHost");
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s-typo", "type": "webhook", "uri": "%s"}
                    """
                        .formatted(source, receiver.url("/x")))
                .fields())
        .containsExactly("uri");

    Api.Answer routeAnswer =
        api.post(
            "/api/routes",
            """
            {"name": "%s-r", "match": {"severity": "urgent"}, "receivers": ["nobody"],
             "notifyOn": ["opened", "exploded"], "groupBy": ["colour"],
             "quietHours": {"timeZone": "Mars/Olympus", "start": "22:00", "end": "7am"}}
            """
                .formatted(source));
    assertThat(routeAnswer.status()).isEqualTo(400);
    assertThat(routeAnswer.fields())
        .contains("match.severity", "notifyOn[1]", "groupBy[0]", "quietHours.timeZone");
    assertThat(
            api.post(
                    "/api/routes",
                    """
                    {"name": "%s-r", "receivers": ["nobody"]}
                    """
                        .formatted(source))
                .fields())
        .containsExactly("receivers[0]");
    assertThat(api.get("/api/routes?sort=name").fields()).containsExactly("sort");
  }

  @Test
  void aReceiverARouteSendsToCannotBeDeletedAndRoutesKeepTheirOrder() {
    String hook = webhook("kept", "k");
    route("one", hook, "");
    route("two", hook, "");
    assertThat(api.deleteAs("alice", "/api/receivers/" + hook).status()).isEqualTo(409);

    Api.Answer reordered =
        api.put(
            "/api/routes/order",
            """
            {"names": ["%s-two", "%s-one"]}
            """
                .formatted(source, source));
    assertThat(reordered.status()).isEqualTo(200);
    assertThat(reordered.text("/0/name")).isEqualTo(source + "-two");
    assertThat(reordered.text("/1/name")).isEqualTo(source + "-one");

    assertThat(api.deleteAs("alice", "/api/routes/" + source + "-one").status()).isEqualTo(204);
    assertThat(api.deleteAs("alice", "/api/routes/" + source + "-two").status()).isEqualTo(204);
    assertThat(api.deleteAs("alice", "/api/receivers/" + hook).status()).isEqualTo(204);
    assertThat(api.get("/api/receivers/" + hook).status()).isEqualTo(404);
  }

  @Test
  void slackGetsColouredBlocksWithALinkToTheConsole() {
    String name = source + "-slack";
    assertThat(
            api.post(
                    "/api/receivers",
                    """
                    {"name": "%s", "type": "slack", "url": "%s"}
                    """
                        .formatted(name, receiver.url(path("slack"))))
                .status())
        .isEqualTo(201);
    route("slack", name, "\"groupWaitSeconds\": 0");

    long id = trigger("sl", "critical");
    eventually().until(() -> receiver.delivered(path("slack")).size() == 1);
    JsonNode body = receiver.delivered(path("slack")).getFirst().json();
    assertThat(body.at("/text").asString()).contains("Disk full sl");
    assertThat(body.at("/attachments/0/color").asString()).isEqualTo("#d50000");
    assertThat(body.at("/attachments/0/blocks/0/text/text").asString())
        .contains("<https://klaxon.example.com/alerts/" + id + "|Disk full sl>");
  }

  @Test
  void emailGoesOverSmtpAsPlainTextAndHtml() throws Exception {
    String name = source + "-mail";
    Api.Answer created =
        api.post(
            "/api/receivers",
            """
            {"name": "%s", "type": "email", "to": ["ops@example.com"], "from": "klaxon@example.com",
             "smtpHost": "127.0.0.1", "smtpPort": %d}
            """
                .formatted(name, MAIL.getSmtp().getPort()));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    route("mail", name, "\"groupWaitSeconds\": 0");

    long id = trigger("em", "high");
    eventually()
        .until(
            () ->
                MAIL.getReceivedMessages().length > 0
                    && java.util.Arrays.stream(MAIL.getReceivedMessages())
                        .anyMatch(m -> subject(m).contains("Disk full em")));
    MimeMessage mail =
        java.util.Arrays.stream(MAIL.getReceivedMessages())
            .filter(m -> subject(m).contains("Disk full em"))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
    String raw = GreenMailUtil.getWholeMessage(mail);
    assertThat(raw).contains("text/plain").contains("text/html");
    assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
    assertThat(raw).contains("https://klaxon.example.com/alerts/" + id);
    eventually()
        .until(
            () ->
                "delivered"
                    .equals(
                        api.get("/api/alerts/" + id + "/notifications")
                            .text("/notifications/0/status")));
  }

  @Test
  void aReceiverCanBeTestedFromTheApi() {
    String hook = webhook("probe", "k");
    Api.Answer ok = api.post("/api/receivers/" + hook + "/test", "");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().at("/delivered").asBoolean()).isTrue();
    assertThat(ok.json().at("/statusCode").asInt()).isEqualTo(200);
    assertThat(receiver.delivered(path("probe"))).hasSize(1);

    receiver.script(path("probe"), new TestReceiver.Answer.Status(500, null));
    Api.Answer failed = api.post("/api/receivers/" + hook + "/test", "");
    assertThat(failed.json().at("/delivered").asBoolean()).isFalse();
    assertThat(failed.json().at("/statusCode").asInt()).isEqualTo(500);
    assertThat(api.post("/api/receivers/nobody/test", "").status()).isEqualTo(404);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
