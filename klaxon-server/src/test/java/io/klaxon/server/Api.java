package io.klaxon.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the API tests: real requests to the server on its random port, sent with
 * the test admin key unless told otherwise.
 */
public final class Api {

  /** The admin key every test server stores at start (src/test/resources/config). */
  public static final String ADMIN_KEY =
      "klx_testadmin0001_dGVzdC1hZG1pbi1rZXktbm90LWEtc2VjcmV0LTAwMDE";

  /** The actor the admin key's requests are recorded as. */
  public static final String ADMIN_ACTOR = "key:admin";

  /** Keys made by {@link #as}, per server port and name: a name is unique among working keys. */
  private static final java.util.Map<String, String> NAMED_KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();

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
  private final int port;
  private final String base;
  private final @org.jspecify.annotations.Nullable String key;

  /** A client sending the test admin key. */
  public Api(int port) {
    this(port, ADMIN_KEY);
  }

  /** A client sending this key as {@code Authorization: Bearer}, or no key when null. */
  public Api(int port, @org.jspecify.annotations.Nullable String key) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    this.key = key;
  }

  /** The same server without a key. */
  public Api anonymous() {
    return new Api(port, null);
  }

  /** The same server with another key. */
  public Api withKey(String otherKey) {
    return new Api(port, otherKey);
  }

  /**
   * The same server as an admin key named {@code name}, made on first use: its actions are recorded
   * as {@code key:<name>}.
   */
  public Api as(String name) {
    return withKey(keyFor(port, name));
  }

  /** The text of an admin key named {@code name} on the server at {@code port}, made once. */
  public static String keyFor(int port, String name) {
    return NAMED_KEYS.computeIfAbsent(
        port + "/" + name,
        ignored -> {
          Answer created =
              new Api(port).post("/api/keys", "{\"name\":\"" + name + "\",\"scopes\":[\"admin\"]}");
          if (created.status() != 201) {
            throw new IllegalStateException(
                "could not make a key named " + name + ": " + created.raw().body());
          }
          return created.text("/key");
        });
  }

  /** Creates a key with the scopes; answers its text. */
  public String createKey(String name, String... scopes) {
    String words = String.join("\",\"", scopes);
    Answer created =
        post("/api/keys", "{\"name\":\"" + name + "\",\"scopes\":[\"" + words + "\"]}");
    if (created.status() != 201) {
      throw new IllegalStateException(
          "could not make a key named " + name + ": " + created.raw().body());
    }
    return created.text("/key");
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, String body) {
    return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POST as an admin key named {@code actor}, recorded as {@code key:<actor>}. */
  public Answer postAs(String actor, String path, String body) {
    return as(actor).post(path, body);
  }

  public Answer put(String path, String body) {
    return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** DELETE as an admin key named {@code actor}, recorded as {@code key:<actor>}. */
  public Answer deleteAs(String actor, String path) {
    return as(actor).delete(path);
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  public Answer patch(String path, String body) {
    return send(json(path, body).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer send(HttpRequest.Builder request) {
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

  /** A request to the path, with this client's key. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return request;
  }

  private HttpRequest.Builder json(String path, String body) {
    return request(path).header("Content-Type", "application/json");
  }
}
