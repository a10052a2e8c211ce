package io.klaxon.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API tests: real requests to the server on its random port. */
public final class Api {

  /** One answer: status, headers and the body, parsed as JSON when it is JSON. */
  public record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    public String text(String pointer) {
      return json.at(pointer).asString();
    }

    public long number(String pointer) {
      return json.at(pointer).asLong();
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    /** The fields named by a problem's errors, in order. */
    public java.util.List<String> fields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      json.path("errors").forEach(error -> fields.add(error.path("field").asString()));
      return fields;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Answer post(String path, String body) {
    return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postAs(String actor, String path, String body) {
    return send(
        json(path, body).header("X-Klaxon-Actor", actor).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer put(String path, String body) {
    return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** DELETE as a named actor, for history and audit checks. */
  public Answer deleteAs(String actor, String path) {
    return send(request(path).header("X-Klaxon-Actor", actor).DELETE());
  }

  public Answer patch(String path, String body) {
    return send(json(path, body).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpRequest.Builder json(String path, String body) {
    return request(path).header("Content-Type", "application/json");
  }
}
