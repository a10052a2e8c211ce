package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import io.klaxon.store.jdbc.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Per-key token buckets: past its bucket a key gets 429 with Retry-After; other keys do not. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "klaxon.security.rate-limit.api-burst=5",
      "klaxon.security.rate-limit.api-per-second=1",
      "klaxon.security.rate-limit.ingest-burst=3",
      "klaxon.security.rate-limit.ingest-per-second=1"
    })
class RateLimitTest {

  static TestDatabase database;

  @BeforeAll
  static void openDatabase() throws IOException {
    database = TestDatabase.sqlite(Files.createTempDirectory("klaxon-rate-"));
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("klaxon.db.url", () -> database.jdbcUrl());
  }

  @LocalServerPort int port;

  @Test
  void aKeyPastItsBucketGets429WithRetryAfterAndOtherKeysAndIngestAreNotHeldUp() {
    Api admin = new Api(port);
    Api reader = admin.withKey(admin.createKey("dashboard", "read", "ingest"));
    Api other = admin.withKey(admin.createKey("other", "read"));

    int passed = 0;
    Api.Answer refused = null;
    for (int i = 0; i < 10 && refused == null; i++) {
      Api.Answer answer = reader.get("/api/alerts");
      if (answer.status() == 429) {
        refused = answer;
      } else {
        assertThat(answer.status()).isEqualTo(200);
        passed++;
      }
    }
    assertThat(refused).as("a 429 within the burst and a little refill").isNotNull();
    assertThat(passed).isBetween(5, 7);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.text("/detail")).contains("limit");
    assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isPositive();

    assertThat(other.get("/api/alerts").status()).as("another key has its own bucket").isEqualTo(200);
    assertThat(
            reader.post(
                    "/api/alerts/events",
                    "{\"action\":\"trigger\",\"dedupKey\":\"r\",\"source\":\"rate\",\"type\":\"t\","
                        + "\"severity\":\"low\",\"title\":\"t\",\"subject\":{\"type\":\"s\",\"key\":\"k\",\"name\":\"n\"}}")
                .status())
        .as("ingest has a bucket of its own")
        .isEqualTo(200);
  }
}
