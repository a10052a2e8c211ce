package io.klaxon.server.alertmanager;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP requests to the server under test, as Prometheus and amtool send them. */
final class AmClient {

  /** One answer: status, content type, raw body, and the body as JSON when it is JSON. */
  record Answer(int status, String contentType, String body, JsonNode json) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  AmClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Answer get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
            .GET());
  }

  Answer post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer patch(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer delete(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
            .DELETE());
  }

  /** {@code ?filter=…&filter=…}, each matcher URL-encoded as amtool's client does. */
  static String filters(String... matchers) {
    StringBuilder query = new StringBuilder();
    for (String matcher : matchers) {
      query
          .append(query.isEmpty() ? "?" : "&")
          .append("filter=")
          .append(URLEncoder.encode(matcher, StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json =
          type.contains("json") && !response.body().isEmpty()
              ? JSON.readTree(response.body())
              : JSON.missingNode();
      return new Answer(response.statusCode(), type, response.body(), json);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
