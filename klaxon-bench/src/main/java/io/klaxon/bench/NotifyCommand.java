package io.klaxon.bench;

import com.sun.net.httpserver.HttpServer;
import io.klaxon.bench.load.Loopback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The notification dispatcher's throughput, end to end against a running server: a local webhook
 * receiver, a route that sends every alert of one source to it, and a burst of new alerts; it
 * counts the notifications (by idempotency key) until every alert has been notified.
 */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    description =
        "Measure notification delivery to a local webhook (server needs"
            + " klaxon.notify.allowed-hosts=127.0.0.1).")
public final class NotifyCommand implements Callable<Integer> {

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "server base URL; loopback only (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--key",
      defaultValue = "${env:KLAXON_API_KEY}",
      description =
          "admin API key (default: $KLAXON_API_KEY), e.g. $(cat data/admin.key): receivers and"
              + " routes need it")
  String key;

  @Option(
      names = "--alerts",
      defaultValue = "10000",
      description = "new alerts, one notification each")
  int alerts;

  @Option(names = "--batch", defaultValue = "500", description = "alerts per request")
  int batch;

  @Option(
      names = "--receiver-delay-ms",
      defaultValue = "0",
      description = "how long the receiver takes to answer")
  long delayMillis;

  @Option(
      names = "--timeout",
      defaultValue = "600",
      description = "seconds to wait for every notification")
  long timeoutSeconds;

  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    Set<String> keys = ConcurrentHashMap.newKeySet();
    AtomicLong requests = new AtomicLong();
    AtomicLong firstAt = new AtomicLong();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (delayMillis > 0) {
            sleep(delayMillis);
          }
          requests.incrementAndGet();
          keys.add(exchange.getRequestHeaders().getFirst("X-Klaxon-Idempotency-Key"));
          firstAt.compareAndSet(0, System.nanoTime());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    String run = "bench-notify-" + Long.toString(System.currentTimeMillis(), 36);
    try {
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      expect(
          post(
              "/api/receivers",
              "{\"name\":\""
                  + run
                  + "\",\"type\":\"webhook\",\"url\":\""
                  + hook
                  + "\",\"secret\":\"bench\"}"),
          201);
      expect(
          post(
              "/api/routes",
              "{\"name\":\""
                  + run
                  + "\",\"match\":{\"source\":\""
                  + run
                  + "\"},\"receivers\":[\""
                  + run
                  + "\"],\"notifyOn\":[\"opened\"],\"groupWaitSeconds\":0}"),
          201);

      long start = System.nanoTime();
      for (int from = 0; from < alerts; from += batch) {
        StringBuilder body = new StringBuilder("[");
        for (int i = from; i < Math.min(alerts, from + batch); i++) {
          body.append(i == from ? "" : ",")
              .append("{\"action\":\"trigger\",\"dedupKey\":\"")
              .append(run)
              .append('-')
              .append(i)
              .append("\",\"source\":\"")
              .append(run)
              .append("\",\"type\":\"bench\",\"severity\":\"high\",")
              .append("\"title\":\"Bench ")
              .append(i)
              .append("\"}");
        }
        expect(post("/api/alerts/events", body.append(']').toString()), 200);
      }
      long ingested = System.nanoTime();
      int deliveredDuringIngest = keys.size();
      long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
      while (keys.size() < alerts && System.nanoTime() < deadline) {
        sleep(20);
      }
      long end = System.nanoTime();
      double seconds = (end - start) / 1e9;
      System.out.printf(
          "alerts %d, notifications received %d (requests %d, duplicates %d)%n",
          alerts, keys.size(), requests.get(), requests.get() - keys.size());
      System.out.printf(
          "ingest %.2f s, first delivery after %.3f s, all delivered after %.2f s%n",
          (ingested - start) / 1e9,
          firstAt.get() == 0 ? Double.NaN : (firstAt.get() - start) / 1e9,
          seconds);
      System.out.printf(
          "throughput %.0f notifications/s (end to end: trigger, plan, dispatch, HTTP)%n",
          keys.size() / seconds);
      System.out.printf(
          "after the ingest: %d notifications in %.2f s = %.0f notifications/s%n",
          keys.size() - deliveredDuringIngest,
          (end - ingested) / 1e9,
          (keys.size() - deliveredDuringIngest) / ((end - ingested) / 1e9));
      return keys.size() == alerts ? 0 : 1;
    } finally {
      delete("/api/routes/" + run);
      delete("/api/receivers/" + run);
      receiver.stop(0);
    }
  }

  private HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return client.send(
        authorized(HttpRequest.newBuilder(server().resolve(path)))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void delete(String path) throws IOException, InterruptedException {
    client.send(
        authorized(HttpRequest.newBuilder(server().resolve(path)))
            .timeout(Duration.ofSeconds(60))
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private URI server() {
    return Loopback.require(url);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return key == null || key.isBlank()
        ? request
        : request.header("Authorization", "Bearer " + key.strip());
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
