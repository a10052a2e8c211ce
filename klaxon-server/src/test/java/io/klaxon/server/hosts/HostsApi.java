package io.klaxon.server.hosts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the host API tests: real requests to the server on its port. */
final class HostsApi {

  /** One answer: status, headers, and the body as JSON when it is JSON. */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    String text(String pointer) {
      return json.at(pointer).asString();
    }

    long number(String pointer) {
      return json.at(pointer).asLong();
    }

    /** The fields named by a problem's errors, in order. */
    List<String> fields() {
      List<String> fields = new ArrayList<>();
      json.path("errors").forEach(error -> fields.add(error.path("field").asString()));
      return fields;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  HostsApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, String body) {
    return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String path, String body) {
    return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer delete(String path) {
    return send(request(path).header("X-Klaxon-Actor", "alice").DELETE());
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
      return new Answer(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpRequest.Builder json(String path) {
    return request(path).header("Content-Type", "application/json");
  }
}
