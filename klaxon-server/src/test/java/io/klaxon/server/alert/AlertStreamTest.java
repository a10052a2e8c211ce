package io.klaxon.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import io.klaxon.store.jdbc.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The change feed over SSE, read line by line as any client would, on SQLite. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"klaxon.stream.heartbeat=400ms", "klaxon.stream.buffer=50"})
@DirtiesContext
class AlertStreamTest {

  static TestDatabase database;

  @LocalServerPort int port;

  private final List<Stream<String>> open = new ArrayList<>();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    if (database == null) {
      database = TestDatabase.sqlite(Files.createTempDirectory("klaxon-stream-"));
    }
    registry.add("klaxon.db.url", () -> database.jdbcUrl());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @AfterEach
  void disconnect() {
    open.forEach(Stream::close);
  }

  /** One server-sent event as read: its name, id and data. */
  record Event(String name, String id, String data) {}

  /** Connects and hands every line read to a queue, from a thread of its own. */
  BlockingQueue<String> follow() throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    open.add(response.body());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                response.body().forEach(lines::add);
              } catch (RuntimeException closed) {
                // The test closed the stream.
              }
            });
    // Connected once the server's first comment arrives: changes after it are delivered.
    assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
    return lines;
  }

  /** The next 'alert' event, skipping comments, blank lines and other fields. */
  static Event nextAlert(BlockingQueue<String> lines) throws InterruptedException {
    String name = null;
    String id = null;
    String data = null;
    while (true) {
      String line = lines.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("a line within 10 s").isNotNull();
      if (line.isEmpty()) {
        if ("alert".equals(name)) {
          return new Event(name, id, data);
        }
        name = id = data = null;
      } else if (line.startsWith("event:")) {
        name = line.substring(6);
      } else if (line.startsWith("id:")) {
        id = line.substring(3);
      } else if (line.startsWith("data:")) {
        data = line.substring(5);
      }
    }
  }

  long trigger(String title) {
    Api.Answer answer =
        new Api(port)
            .post(
                "/api/alerts/events",
                """
                [{"action":"trigger","dedupKey":"%s","source":"stream","type":"t","severity":"high","title":"%s"}]
                """
                    .formatted(UUID.randomUUID(), title));
    assertThat(answer.status()).isEqualTo(200);
    return answer.number("/results/0/alertId");
  }

  @Test
  void everyCommittedChangeIsOneEventWithTheAlertAndItsVersionAsId() throws Exception {
    BlockingQueue<String> lines = follow();
    long id = trigger("Disk full on db-1");
    Event opened = nextAlert(lines);
    assertThat(opened.id()).isEqualTo(id + ":1");
    JsonNode alert = JsonMapper.builder().build().readTree(opened.data());
    assertThat(alert.get("id").asLong()).isEqualTo(id);
    assertThat(alert.get("status").asString()).isEqualTo("open");
    assertThat(alert.get("title").asString()).isEqualTo("Disk full on db-1");

    assertThat(new Api(port).patch("/api/alerts/" + id, "{\"acknowledged\":true}").status())
        .isEqualTo(200);
    Event acknowledged = nextAlert(lines);
    assertThat(acknowledged.id()).isEqualTo(id + ":2");
    assertThat(JsonMapper.builder().build().readTree(acknowledged.data()).get("status").asString())
        .isEqualTo("acknowledged");
  }

  @Test
  void everyClientGetsEveryChange() throws Exception {
    BlockingQueue<String> first = follow();
    BlockingQueue<String> second = follow();
    long id = trigger("Seen twice");
    assertThat(nextAlert(first).id()).isEqualTo(id + ":1");
    assertThat(nextAlert(second).id()).isEqualTo(id + ":1");
  }

  @Test
  void anIdleStreamSendsHeartbeats() throws Exception {
    BlockingQueue<String> lines = follow();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String line;
    do {
      line = lines.poll(1, TimeUnit.SECONDS);
    } while (!":heartbeat".equals(line) && System.nanoTime() < deadline);
    assertThat(line).isEqualTo(":heartbeat");
  }

  @Test
  void aClientThatDoesNotReadIsToldToResetAndDisconnectedInsteadOfBufferedWithoutEnd()
      throws Exception {
    HttpResponse<java.io.InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
                    .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    // Nothing is read while far more changes are committed than the socket buffers and the
    // client's buffer of 50 can hold.
    String big = "x".repeat(2000);
    for (int round = 0; round < 4; round++) {
      StringBuilder events = new StringBuilder("[");
      for (int i = 0; i < 5000; i++) {
        events
            .append(i == 0 ? "" : ",")
            .append("{\"action\":\"trigger\",\"dedupKey\":\"")
            .append(UUID.randomUUID())
            .append(
                "\",\"source\":\"slow\",\"type\":\"t\",\"severity\":\"low\",\"title\":\"t\",\"message\":\"")
            .append(big)
            .append("\"}");
      }
      assertThat(new Api(port).post("/api/alerts/events", events.append("]").toString()).status())
          .isEqualTo(200);
    }
    // The server ends the stream after 'reset', so reading to the end finishes.
    String all =
        java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try (java.io.InputStream body = response.body()) {
                    return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .get(60, TimeUnit.SECONDS);
    assertThat(all).contains("event:reset");
    assertThat(all.split("event:alert", -1).length - 1).isLessThan(20_000);
  }

  @Test
  void unknownParametersAreRefused() {
    Api.Answer answer = new Api(port).get("/api/alerts/stream?status=open");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/errors/0/field")).isEqualTo("status");
  }
}
