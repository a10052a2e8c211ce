package io.klaxon.server.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of {@code GET /api/alerts/stream} keeping every {@code alert} event it read. */
final class StreamReader implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The alerts of the events read, in order. */
  final List<JsonNode> alerts = new CopyOnWriteArrayList<>();

  private final HttpClient client = HttpClient.newHttpClient();
  private final Thread thread;
  private volatile boolean connected;
  private volatile boolean open = true;

  private StreamReader(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
            .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
            .header("Accept", "text/event-stream")
            .build();
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("stream-reader-" + port)
            .start(
                () -> {
                  try {
                    HttpResponse<Stream<String>> response =
                        client.send(request, HttpResponse.BodyHandlers.ofLines());
                    try (Stream<String> lines = response.body()) {
                      read(lines);
                    }
                  } catch (IOException | RuntimeException e) {
                    open = false;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
  }

  /** Connects and returns once the server has sent its first line (the stream is followed). */
  static StreamReader follow(int port) {
    StreamReader reader = new StreamReader(port);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> reader.connected || !reader.open);
    if (!reader.connected) {
      throw new IllegalStateException("the stream of port " + port + " did not open");
    }
    return reader;
  }

  /** Whether an event showed this alert with this status. */
  boolean saw(long id, String status) {
    return alerts.stream()
        .anyMatch(a -> a.path("id").asLong() == id && a.path("status").asString().equals(status));
  }

  private void read(Stream<String> lines) {
    String event = "";
    for (String line : (Iterable<String>) lines::iterator) {
      connected = true;
      if (line.startsWith("event:")) {
        event = line.substring("event:".length()).strip();
      } else if (line.startsWith("data:") && event.equals("alert")) {
        alerts.add(JSON.readTree(line.substring("data:".length()).strip()));
      } else if (line.isEmpty()) {
        event = "";
      }
    }
    open = false;
  }

  @Override
  public void close() {
    client.shutdownNow(); // ends the read of the stream's lines
  }
}
