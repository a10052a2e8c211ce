package io.klaxon.bench;

import io.klaxon.bench.load.Loopback;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code console}: how long each web console page takes to answer on a running server, one request
 * at a time over loopback (so it is the server's render time plus a loopback round trip). Seed the
 * store first ({@code load --scenario seed}); this command adds a small fixture of its own (event
 * alerts with prices, a server, a mapping, an unmapped market) so that every page has something to
 * show.
 */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = "Time every web console page of a running server (p50/p90/p99/max per page).")
public final class ConsoleCommand implements Callable<Integer> {

  private static final Pattern ALERT_ID = Pattern.compile("\"alertId\":(\\d+)");

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "server base URL; loopback only (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--key",
      defaultValue = "${env:KLAXON_API_KEY}",
      description =
          "admin API key (default: $KLAXON_API_KEY), e.g. $(cat data/admin.key); pages take it as a"
              + " session would")
  String key;

  @Option(
      names = "--requests",
      defaultValue = "50",
      description = "measured requests per page (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "unmeasured requests per page first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--no-fixture", description = "do not add the small fixture first")
  boolean noFixture;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private @Nullable URI base; // set first thing in call()

  @Override
  public Integer call() throws Exception {
    base = Loopback.require(url);
    long alertId = noFixture ? firstAlertId() : fixture();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("board", "/");
    pages.put("board, open, text filter", "/?status=open&q=disk");
    pages.put("board, page 20", "/?offset=1000");
    pages.put("alert detail", "/alerts/" + alertId);
    pages.put("overview", "/overview");
    pages.put("risk desk", "/risk");
    pages.put("risk event", "/risk/events/bench-ev-1");
    pages.put("servers", "/servers");
    pages.put("server", "/servers/bench-web-1");
    pages.put("mappings", "/mappings");
    pages.put("unmapped", "/unmapped");
    pages.put("settings", "/settings");
    String total = get("/api/alerts?limit=1").body().replaceAll(".*\"total\":(\\d+).*", "$1");
    System.out.printf(
        Locale.ROOT,
        "alerts in the store: %s; %d requests per page after %d warm-up%n",
        total,
        requests,
        warmup);
    System.out.printf(
        Locale.ROOT,
        "%-26s %8s %8s %8s %8s %9s%n",
        "page",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "bytes");
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Histogram micros = new Histogram(60_000_000L, 3);
      int bytes = 0;
      for (int i = 0; i < warmup + requests; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response = get(page.getValue());
        long took = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200) {
          System.err.printf(
              "%s answered %d: %s%n", page.getValue(), response.statusCode(), response.body());
          return 1;
        }
        if (i >= warmup) {
          micros.recordValue(Math.max(1, took));
        }
        bytes = response.body().length();
      }
      System.out.printf(
          Locale.ROOT,
          "%-26s %8.1f %8.1f %8.1f %8.1f %9d%n",
          page.getKey(),
          micros.getValueAtPercentile(50) / 1000.0,
          micros.getValueAtPercentile(90) / 1000.0,
          micros.getValueAtPercentile(99) / 1000.0,
          micros.getMaxValue() / 1000.0,
          bytes);
    }
    return 0;
  }

  /** Adds what the risk, server and mapping pages show; answers an alert id for the detail page. */
  private long fixture() throws IOException, InterruptedException {
    List<String> events = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      events.add(
          ("{\"action\":\"trigger\",\"dedupKey\":\"bench-price-%d\",\"source\":\"odds\",\"type\":\"price_change\",\"severity\":\"high\",\"title\":\"Home"
               + " price moved"
               + " %d%%\",\"value\":%s,\"subject\":{\"type\":\"event\",\"key\":\"bench-ev-%d\",\"name\":\"Bench"
               + " match %d\"},\"attributes\":{\"outcome\":\"home\",\"previousOdds\":1.8}}")
              .formatted(i, i, 1.8 + i / 100.0, 1 + i % 5, 1 + i % 5));
    }
    String answer = post("/api/alerts/events", "[" + String.join(",", events) + "]");
    post("/api/signals/heartbeats", "[{\"server\":\"bench-web-1\"}]");
    post(
        "/api/unmapped",
        "[{\"source\":\"benchbook\",\"externalMarketId\":\"bb-1\",\"marketName\":\"Bench"
            + " market\"}]");
    Matcher id = ALERT_ID.matcher(answer);
    if (!id.find()) {
      throw new IllegalStateException("the fixture's alerts were not taken: " + answer);
    }
    return Long.parseLong(id.group(1));
  }

  private long firstAlertId() throws IOException, InterruptedException {
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(get("/api/alerts?limit=1").body());
    if (!id.find()) {
      throw new IllegalStateException("the store has no alerts: seed it first");
    }
    return Long.parseLong(id.group(1));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        authorized(
                HttpRequest.newBuilder(Objects.requireNonNull(base).resolve(path))
                    .timeout(Duration.ofSeconds(60)))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return key == null || key.isBlank()
        ? request
        : request.header("Authorization", "Bearer " + key);
  }

  private String post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            authorized(HttpRequest.newBuilder(Objects.requireNonNull(base).resolve(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
