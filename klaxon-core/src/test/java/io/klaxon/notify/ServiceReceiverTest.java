package io.klaxon.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ServiceReceiverTest {

  private static final URI LOCAL = URI.create("http://127.0.0.1:9");

  @Test
  void eachServiceNamesItsMissingSecret() {
    assertThatThrownBy(() -> new PagerDuty("pd", PagerDuty.DEFAULT_URL, " ", null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("routingKey");
    assertThatThrownBy(() -> new Opsgenie("og", Opsgenie.DEFAULT_URL, null, null))
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> new Gotify("g", LOCAL, null, null)).hasMessageContaining("token");
    assertThatThrownBy(() -> new Pushover("p", Pushover.DEFAULT_URL, "t", "", null))
        .hasMessageContaining("user");
    assertThatThrownBy(() -> new Telegram("t", Telegram.DEFAULT_URL, "1:a", null, null))
        .hasMessageContaining("chatId");
  }

  @Test
  void aTelegramTokenThatWouldChangeTheRequestPathIsRefused() {
    assertThatThrownBy(() -> new Telegram("t", Telegram.DEFAULT_URL, "1:a/../x", "-1", null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("botToken");
    assertThat(new Telegram("t", Telegram.DEFAULT_URL, " 123:AA-b_c ", "@ops", null).botToken())
        .isEqualTo("123:AA-b_c");
  }

  @Test
  void anNtfyTopicIsAShortWordAndAnEmptyTokenIsRefused() {
    assertThatThrownBy(() -> new Ntfy("n", Ntfy.DEFAULT_URL, "a/b", null, null))
        .hasMessageContaining("topic");
    assertThatThrownBy(() -> new Ntfy("n", Ntfy.DEFAULT_URL, "ops", " ", null))
        .hasMessageContaining("token");
    assertThat(new Ntfy("n", Ntfy.DEFAULT_URL, "ops-alerts_1", null, null).type())
        .isEqualTo("ntfy");
  }

  @Test
  void webhookStyleServicesNeedAnHttpUrl() {
    assertThatThrownBy(() -> new Teams("t", URI.create("ftp://x/y"), null))
        .hasMessageContaining("url");
    assertThatThrownBy(() -> new Discord("d", URI.create("https://u:p@discord.com/x"), null))
        .hasMessageContaining("url");
    assertThat(new Mattermost("m", LOCAL, null, null).channel()).isNull();
  }
}
