package io.klaxon.server.mapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP requests to the server under test, answers parsed as JSON. */
final class Http {

  /** One answer: status, headers and the body as JSON (missing when it is not JSON). */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    String text(String pointer) {
      return json.at(pointer).asString();
    }

    long number(String pointer) {
      return json.at(pointer).asLong();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final String base;
  private String key = io.klaxon.server.Api.ADMIN_KEY;

  Http(int port) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  /**
   * Later requests act as an admin key of this name ({@code key:<name>}); null: the test admin key.
   */
  Http as(@Nullable String newActor) {
    this.key =
        newActor == null
            ? io.klaxon.server.Api.ADMIN_KEY
            : io.klaxon.server.Api.keyFor(port, newActor);
    return this;
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer post(String path, @Nullable String body) {
    return send("POST", path, body);
  }

  Answer put(String path, String body) {
    return send("PUT", path, body);
  }

  Answer patch(String path, String body) {
    return send("PATCH", path, body);
  }

  Answer delete(String path) {
    return send("DELETE", path, null);
  }

  private Answer send(String method, String path, @Nullable String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    request.header("Authorization", "Bearer " + key);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
