package io.klaxon.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The server's alert API, over one HTTP/1.1 client whose tasks run on virtual threads. */
final class Endpoint implements AutoCloseable {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String key;
  private final HttpClient client;

  /**
   * @param key the API key sent as {@code Authorization: Bearer}; empty sends none (a server with
   *     {@code klaxon.security.enabled=false})
   */
  Endpoint(URI base, String key) {
    this.base = base;
    this.key = key;
    this.client =
        HttpClient.newBuilder()
            // HTTP/1.1 on purpose: the default would try an h2c upgrade on every new connection.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  URI base() {
    return base;
  }

  /** Posts a JSON array of events to {@code /api/alerts/events}. */
  HttpResponse<String> postEvents(String json) throws IOException, InterruptedException {
    return post("/api/alerts/events", json);
  }

  /** Posts a JSON body to a path, with the bench's key. */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return client.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return key.isEmpty() ? request : request.header("Authorization", "Bearer " + key);
  }

  /** GETs a path with its query string, e.g. {@code /api/alerts?status=open}. */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT).GET();
    return client.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Seconds to wait as the answer's {@code Retry-After} asks; 1 when it names none or a date. */
  static long retryAfterSeconds(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(
            value -> {
              try {
                return Math.max(0, Long.parseLong(value.trim()));
              } catch (NumberFormatException dateOrJunk) {
                return 1L;
              }
            })
        .orElse(1L);
  }

  /** How many times {@code needle} occurs in {@code text}: a JSON parse is not needed to count. */
  static int count(String text, String needle) {
    int found = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      found++;
    }
    return found;
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
