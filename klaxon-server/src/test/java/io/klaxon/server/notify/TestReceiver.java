package io.klaxon.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver on a local port, for webhook and Slack receivers: each path answers with the
 * behaviours scripted for it, in turn (then 200 for ever), and keeps every request it got.
 */
final class TestReceiver implements AutoCloseable {

  /** How one request is answered. */
  sealed interface Answer {
    /** 200 with an empty body. */
    record Ok() implements Answer {}

    /** Any status, with a {@code Retry-After} header when given. */
    record Status(int code, String retryAfter) implements Answer {}

    /** Answers only after a while (longer than the sender's timeout). */
    record Slow(Duration delay) implements Answer {}

    /** Closes the connection without an answer. */
    record Drop() implements Answer {}
  }

  /** One request as it arrived ({@code query} is null when there was none). */
  record Request(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      int answered) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Collection<Request> requests = new ConcurrentLinkedDeque<>();

  TestReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The answers for the next requests to {@code path}, in order. */
  void script(String path, Answer... answers) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
  }

  /** How many scripted answers {@code path} has left. */
  int scriptLeft(String path) {
    Deque<Answer> script = scripts.get(path);
    return script == null ? 0 : script.size();
  }

  /** Drops the answers left for {@code path}: it answers 200 from now on. */
  void clearScript(String path) {
    scripts.remove(path);
  }

  /** Every request to {@code path}, answered or not. */
  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The requests to {@code path} answered 200: what the receiver took in. */
  List<Request> delivered(String path) {
    return requests(path).stream().filter(r -> r.answered() == 200).toList();
  }

  /** The idempotency keys taken in at {@code path}, duplicates dropped as a receiver would. */
  Set<String> deliveredKeys(String path) {
    Set<String> keys = new LinkedHashSet<>();
    for (Request request : delivered(path)) {
      keys.add(request.header("X-Klaxon-Idempotency-Key"));
    }
    return keys;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Deque<Answer> script = scripts.get(path);
    Answer answer = script == null || script.isEmpty() ? new Answer.Ok() : script.pollFirst();
    Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
    String method = exchange.getRequestMethod();
    String query = exchange.getRequestURI().getRawQuery();
    switch (answer) {
      case Answer.Drop drop -> {
        requests.add(new Request(method, path, query, headers, body, 0));
        // An exception out of the handler makes the server close the connection unanswered.
        throw new IOException("dropping the connection on purpose");
      }
      case Answer.Slow slow -> {
        requests.add(new Request(method, path, query, headers, body, 0));
        try {
          Thread.sleep(slow.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        respond(exchange, 200, null);
      }
      case Answer.Status status -> {
        requests.add(new Request(method, path, query, headers, body, status.code()));
        respond(exchange, status.code(), status.retryAfter());
      }
      case Answer.Ok ok -> {
        requests.add(new Request(method, path, query, headers, body, 200));
        respond(exchange, 200, null);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String retryAfter)
      throws IOException {
    if (retryAfter != null) {
      exchange.getResponseHeaders().add("Retry-After", retryAfter);
    }
    byte[] text = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, text.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(text);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
