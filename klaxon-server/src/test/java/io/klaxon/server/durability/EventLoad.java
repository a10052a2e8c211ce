package io.klaxon.server.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Producers sending batches of triggers until stopped, with fresh dedup keys or re-triggering a few
 * keys over and over, remembering every event the server acknowledged with 200 (or 202 in cluster
 * mode) and every other answer it gave.
 */
final class EventLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final String source;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> workers = new ArrayList<>();

  /**
   * Fingerprint to alert id, for every event answered 200 with outcome created (or updated, where a
   * retried commit had landed).
   */
  final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

  /** HTTP status (or -1 for a connection failure) to how many requests got it. */
  final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();

  final Set<String> unexpected = ConcurrentHashMap.newKeySet();

  /** Fingerprint to how many triggers of it were sent, answered or not. */
  final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();

  /** Fingerprint to how many triggers of it were answered 200 (or 202, in Kafka). */
  final Map<String, AtomicLong> counted = new ConcurrentHashMap<>();

  private int keysPerProducer;

  EventLoad(int port, String source) {
    this.base = "http://127.0.0.1:" + port;
    this.source = source;
  }

  /** Each producer cycles through this many keys, so nearly every trigger is a re-trigger. */
  EventLoad repeating(int keys) {
    this.keysPerProducer = keys;
    return this;
  }

  /** How many triggers were answered 200, over all fingerprints. */
  long countedTriggers() {
    return counted.values().stream().mapToLong(AtomicLong::get).sum();
  }

  EventLoad start(int producers, int batch) {
    for (int p = 0; p < producers; p++) {
      int producer = p;
      workers.add(Thread.ofPlatform().daemon().start(() -> produce(producer, batch)));
    }
    return this;
  }

  /** Waits (at most 30 s) until the server has answered a first request, whatever it said. */
  void awaitFirstAnswer() {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !answers.isEmpty() || !unexpected.isEmpty());
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread worker : workers) {
      worker.join(60_000);
    }
  }

  int count(int status) {
    AtomicInteger n = answers.get(status);
    return n == null ? 0 : n.get();
  }

  private void produce(int producer, int batch) {
    int sequence = 0;
    while (running.get()) {
      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < batch; i++) {
        int n = sequence++;
        String key =
            source + "-" + producer + "-" + (keysPerProducer > 0 ? n % keysPerProducer : n);
        sent.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        if (i > 0) {
          body.append(',');
        }
        body.append("{\"action\":\"trigger\",\"dedupKey\":\"")
            .append(key)
            .append("\",\"source\":\"")
            .append(source)
            .append("\",\"type\":\"disk\",\"severity\":\"high\",\"title\":\"full\"}");
      }
      send(body.append(']').toString());
    }
  }

  private void send(String body) {
    int status;
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/alerts/events"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      if (status == 200 || status == 202) {
        // 202 (cluster mode): the owner did not answer in time, but the event is in Kafka.
        for (JsonNode result : JSON.readTree(response.body()).get("results")) {
          if (!result.get("outcome").asString().matches("created|updated|accepted")) {
            unexpected.add(result.toString());
          }
          String fingerprint = result.get("fingerprint").asString();
          if (result.hasNonNull("alertId")) {
            acknowledged.put(fingerprint, result.get("alertId").asLong());
          }
          counted.computeIfAbsent(fingerprint, k -> new AtomicLong()).incrementAndGet();
        }
      } else if (status != 503) {
        unexpected.add(status + " " + response.body());
      }
    } catch (IOException e) {
      status = -1;
      pause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every stored alert of a source, fingerprint to id, read page by page through the API. */
  static Map<String, Long> stored(int port, String source)
      throws IOException, InterruptedException {
    return stored(port, source, "id");
  }

  /** A number of every stored alert of a source (its id, its occurrences), by fingerprint. */
  static Map<String, Long> stored(int port, String source, String field)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    Map<String, Long> found = new java.util.HashMap<>();
    for (int offset = 0; ; offset += 1000) {
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/api/alerts?limit=1000&sort=detectedAt&source="
                              + source
                              + "&offset="
                              + offset))
                  .header("Authorization", "Bearer " + io.klaxon.server.Api.ADMIN_KEY)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode alerts = JSON.readTree(page.body()).get("alerts");
      for (JsonNode alert : alerts) {
        found.put(alert.get("fingerprint").asString(), alert.get(field).asLong());
      }
      if (alerts.size() < 1000) {
        return found;
      }
    }
  }
}
