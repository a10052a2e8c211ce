package io.klaxon.notify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiverTest {

  @Test
  void aWebhookNeedsAnHttpUrlWithAHost() {
    assertThatThrownBy(
            () ->
                new Receiver.Webhook(
                    "hook", URI.create("ftp://example.com/x"), null, Map.of(), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("url:");
    assertThatThrownBy(
            () ->
                new Receiver.Webhook(
                    "hook", URI.create("http://user:pw@example.com/"), null, Map.of(), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("url:");
  }

  @Test
  void headersKlaxonSetsCannotBeConfigured() {
    assertThatThrownBy(
            () ->
                new Receiver.Webhook(
                    "hook",
                    URI.create("https://example.com/"),
                    null,
                    Map.of("X-Klaxon-Signature", "forged"),
                    null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("headers.X-Klaxon-Signature");
  }

  @Test
  void anEmailReceiverNamesTheBadAddress() {
    assertThatThrownBy(
            () ->
                new Receiver.Email(
                    "mail",
                    List.of("ops@example.com", "nobody"),
                    "klaxon@example.com",
                    "smtp.example.com",
                    25,
                    null,
                    null,
                    false,
                    null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("to[1]");
  }

  @Test
  void namesAreShortWordsFitForUrls() {
    assertThatThrownBy(
            () ->
                new Receiver.Slack("ops hook", URI.create("https://hooks.slack.com/x"), null, null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("name:");
  }
}
