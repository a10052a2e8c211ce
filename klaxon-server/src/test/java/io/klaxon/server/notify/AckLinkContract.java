package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NotificationStore;
import io.klaxon.oncall.AckToken;
import io.klaxon.server.Api;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Acknowledge from the message: every opening notification carries a signed link; with no API key
 * its GET only shows a button, its POST acknowledges through the engine as the receiver; a changed
 * link is 403, an expired one 410, a resolved alert 409.
 */
abstract class AckLinkContract extends ServiceReceiverContract {

  @Autowired NotificationStore notificationStore;

  @Test
  void theLinkInANotificationAcknowledgesAsTheReceiverOnlyWhenPosted() {
    String hook = webhook("ack", "s");
    route("ack", hook, "\"notifyOn\": [\"opened\"], \"groupWaitSeconds\": 0");
    long id = trigger("ack", "high");
    eventually().until(() -> receiver.delivered(path("ack")).size() == 1);
    String ackUrl =
        receiver.delivered(path("ack")).getFirst().json().at("/alerts/0/ackUrl").asString();
    assertThat(ackUrl).startsWith("https://klaxon.example.com/ack/");
    String link = ackUrl.substring("https://klaxon.example.com".length());
    Api anonymous = api.anonymous();

    Api.Answer page = anonymous.send(anonymous.request(link).header("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("Acknowledge as receiver:" + hook, "method=\"post\"");
    assertThat(api.get("/api/alerts/" + id).text("/status")).isEqualTo("open");

    Api.Answer done =
        anonymous.send(anonymous.request(link).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.raw().body()).contains("Acknowledged as receiver:" + hook);
    JsonNode alert = api.get("/api/alerts/" + id).json();
    assertThat(alert.at("/status").asString()).isEqualTo("acknowledged");
    assertThat(alert.at("/acknowledgedBy").asString()).isEqualTo("receiver:" + hook);
    JsonNode history = api.get("/api/alerts/" + id + "/history").json();
    assertThat(history.valueStream())
        .anySatisfy(
            entry -> {
              assertThat(entry.at("/action").asString()).isEqualTo("acknowledged");
              assertThat(entry.at("/actor").asString()).isEqualTo("receiver:" + hook);
            });

    Api.Answer again =
        anonymous.send(anonymous.request(link).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.raw().body()).contains("Already acknowledged");
  }

  @Test
  void aChangedLinkIsForbiddenAndAnExpiredOneGoneAndNeitherActs() {
    long id = trigger("forged", "high");
    byte[] key = storedKey();
    String valid = new AckToken(id, "receiver:x", clock.instant().plusSeconds(60)).sign(key);
    String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");
    String expired = new AckToken(id, "receiver:x", clock.instant().minusSeconds(1)).sign(key);
    Api anonymous = api.anonymous();

    assertThat(post(anonymous, "/ack/" + forged).status()).isEqualTo(403);
    assertThat(anonymous.get("/ack/" + forged).status()).isEqualTo(403);
    Api.Answer gone = post(anonymous, "/ack/" + expired);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.raw().body()).contains("expired");
    assertThat(api.get("/api/alerts/" + id).text("/status")).isEqualTo("open");
  }

  @Test
  void aResolvedAlertsLinkIsAConflictNamingItsStatus() {
    long id = trigger("final", "high");
    clock.advance(Duration.ofSeconds(1));
    resolve(id);
    String link =
        "/ack/"
            + new AckToken(id, "person:alice", clock.instant().plusSeconds(60)).sign(storedKey());
    Api.Answer refused = post(api.anonymous(), link);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.raw().body()).contains("resolved");
    assertThat(api.get("/api/alerts/" + id).text("/status")).isEqualTo("resolved");
  }

  private static Api.Answer post(Api client, String path) {
    return client.send(client.request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** The key the server made for itself and keeps in the database. */
  private byte[] storedKey() {
    String json =
        notificationStore.documents(ConfigKind.SECRET).stream()
            .filter(document -> document.name().equals("ack-link-key"))
            .findFirst()
            .orElseThrow()
            .json();
    String value = json.substring(json.indexOf(':') + 1).replaceAll("[\\s\"{}]", "");
    return Base64.getDecoder().decode(value);
  }
}
