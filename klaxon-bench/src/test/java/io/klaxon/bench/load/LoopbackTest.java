package io.klaxon.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://localhost:18080/",
        "http://127.1.2.3",
        "http://[::1]:8080"
      })
  void require_loopbackTargets_areAccepted(String url) {
    assertThat(Loopback.require(url).toString()).doesNotEndWith("/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.0.0.1:8080",
        "http://192.168.1.5",
        "http://example.com",
        "http://8.8.8.8"
      })
  void require_otherTargets_areRefused(String url) {
    assertThatThrownBy(() -> Loopback.require(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only targets this machine");
  }

  @Test
  void require_otherSchemes_areRefused() {
    assertThatThrownBy(() -> Loopback.require("ftp://127.0.0.1/")).hasMessageContaining("http://");
  }
}
