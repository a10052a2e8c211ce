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

/**
 * The configurable limits: per-key token buckets (429 with Retry-After, other keys and ingest
 * unaffected), events per request, attributes per event and attribute length (400 naming them).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "klaxon.security.rate-limit.api-burst=5",
      "klaxon.security.rate-limit.api-per-second=1",
      "klaxon.security.rate-limit.ingest-burst=10",
      "klaxon.security.rate-limit.ingest-per-second=1",
      "klaxon.api.max-events=2",
      "klaxon.api.max-attributes=3",
      "klaxon.api.max-attribute-length=10"
    })
class LimitsTest {

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

  private static String event(String dedupKey, String attributes) {
    return "{\"action\":\"trigger\",\"dedupKey\":\""
        + dedupKey
        + "\",\"source\":\"limits\",\"type\":\"t\","
        + "\"severity\":\"low\",\"title\":\"t\",\"subject\":{\"type\":\"s\",\"key\":\"k\",\"name\":\"n\"},"
        + "\"attributes\":"
        + attributes
        + "}";
  }

  @Test
  void batchSizeAttributeCountAndAttributeLengthAreLimitedAsConfigured() {
    Api ingest = new Api(port).withKey(new Api(port).createKey("limits", "ingest", "read"));
    Api.Answer three =
        ingest.post(
            "/api/alerts/events",
            "[" + event("a", "{}") + "," + event("b", "{}") + "," + event("c", "{}") + "]");
    assertThat(three.status()).isEqualTo(413);
    assertThat(three.contentType()).contains("problem+json");
    assertThat(three.raw().body()).contains("2");

    Api.Answer many =
        ingest.post("/api/alerts/events", event("d", "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}"));
    assertThat(many.raw().body()).contains("at most 3 attributes");
    Api.Answer tooLong =
        ingest.post("/api/alerts/events", event("e", "{\"a\":\"" + "x".repeat(11) + "\"}"));
    assertThat(tooLong.raw().body()).contains("attributes.a").contains("at most 10 characters");
    Api.Answer fits =
        ingest.post(
            "/api/alerts/events",
            event("f", "{\"a\":\"" + "x".repeat(10) + "\",\"b\":1,\"c\":true}"));
    assertThat(fits.text("/results/0/outcome")).isEqualTo("created");
    assertThat(ingest.get("/api/alerts?source=limits").number("/total")).isEqualTo(1);
  }

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
    assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();

    assertThat(other.get("/api/alerts").status())
        .as("another key has its own bucket")
        .isEqualTo(200);
    assertThat(
            reader
                .post(
                    "/api/alerts/events",
                    "{\"action\":\"trigger\",\"dedupKey\":\"r\",\"source\":\"rate\",\"type\":\"t\","
                        + "\"severity\":\"low\",\"title\":\"t\",\"subject\":{\"type\":\"s\",\"key\":\"k\",\"name\":\"n\"}}")
                .status())
        .as("ingest has a bucket of its own")
        .isEqualTo(200);
  }
}
