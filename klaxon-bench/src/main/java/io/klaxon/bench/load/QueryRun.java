package io.klaxon.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Reads as a dashboard would, for a fixed time: half filtered lists of 50 (random status, severity
 * and source), a quarter stats, a quarter reads by id; latency kept per kind.
 */
final class QueryRun {

  /** The three kinds of read, each with its own latency. */
  enum Kind {
    LIST,
    STATS,
    GET
  }

  private static final Pattern ALERT_ID = Pattern.compile("\"id\":(\\d+)");
  private static final String[] STATUSES = {
    "open", "acknowledged", "resolved", "open,acknowledged"
  };

  private final Endpoint endpoint;
  private final LoadPlan plan;
  private final LoadStats stats = new LoadStats();
  private final Map<Kind, Histogram> latency = new EnumMap<>(Kind.class);
  private final List<Long> ids = new ArrayList<>();
  private long deadline;

  QueryRun(Endpoint endpoint, LoadPlan plan) {
    this.endpoint = endpoint;
    this.plan = plan;
    for (Kind kind : Kind.values()) {
      latency.put(kind, LoadStats.histogram());
    }
  }

  int run() throws IOException, InterruptedException {
    // Ids to read come from the newest and the oldest alerts, so reads hit both ends.
    sampleIds("/api/alerts?limit=1000");
    sampleIds("/api/alerts?limit=1000&sort=detectedAt");
    if (ids.isEmpty()) {
      System.err.println("query: the server has no alerts; seed some first (--scenario seed)");
      return 1;
    }
    System.out.printf(
        "query: concurrency=%d for %s, %,d ids sampled, url=%s%n",
        plan.concurrency(), plan.limit(), ids.size(), endpoint.base());
    long started = System.nanoTime();
    deadline = started + plan.limit().toNanos();
    List<Thread> workers = new ArrayList<>();
    Progress progress = new Progress("queries", stats.requests::sum, stats);
    try {
      for (int i = 0; i < plan.concurrency(); i++) {
        workers.add(Thread.ofVirtual().name("query-" + i).start(this::work));
      }
      for (Thread worker : workers) {
        worker.join();
      }
    } finally {
      progress.close();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "--- query summary ---%n%,d queries in %.1f s = %,.0f queries/s%n",
        stats.requests.sum(), seconds, stats.requests.sum() / seconds);
    for (Kind kind : Kind.values()) {
      System.out.printf(
          "%-5s %s%n",
          kind.name().toLowerCase(Locale.ROOT),
          LoadStats.percentiles(Objects.requireNonNull(latency.get(kind))));
    }
    System.out.println("HTTP errors: " + stats.errorsByKind());
    return stats.errorCount() == 0 ? 0 : 2;
  }

  private void sampleIds(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = endpoint.get(pathAndQuery);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode());
    }
    Matcher id = ALERT_ID.matcher(response.body());
    while (id.find()) {
      ids.add(Long.parseLong(id.group(1)));
    }
  }

  private void work() {
    Map<Kind, Histogram> mine = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      mine.put(kind, LoadStats.histogram());
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try {
      while (System.nanoTime() < deadline) {
        double roll = random.nextDouble();
        Kind kind = roll < 0.5 ? Kind.LIST : roll < 0.75 ? Kind.STATS : Kind.GET;
        String path =
            switch (kind) {
              case LIST -> "/api/alerts?limit=50" + filters(random);
              case STATS -> "/api/alerts/stats" + filters(random).replaceFirst("^&", "?");
              case GET -> "/api/alerts/" + ids.get(random.nextInt(ids.size()));
            };
        long sent = System.nanoTime();
        try {
          HttpResponse<String> response = endpoint.get(path);
          stats.requests.increment();
          if (response.statusCode() == 200) {
            LoadStats.record(Objects.requireNonNull(mine.get(kind)), System.nanoTime() - sent);
          } else {
            stats.error(response.statusCode() + " " + kind.name().toLowerCase(Locale.ROOT));
          }
        } catch (IOException e) {
          stats.error("io");
          Thread.sleep(100);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (latency) {
        // every kind has one
        mine.forEach((kind, histogram) -> Objects.requireNonNull(latency.get(kind)).add(histogram));
      }
    }
  }

  /** Each filter is present about half the time, so combos range from none to all three. */
  private String filters(ThreadLocalRandom random) {
    StringBuilder query = new StringBuilder();
    if (random.nextBoolean()) {
      query.append("&status=").append(STATUSES[random.nextInt(STATUSES.length)]);
    }
    if (random.nextBoolean()) {
      query
          .append("&severity=")
          .append(EventBatches.SEVERITIES[random.nextInt(EventBatches.SEVERITIES.length)]);
    }
    if (random.nextBoolean()) {
      query
          .append("&source=")
          .append(EventBatches.source(plan.tag(), random.nextInt(EventBatches.SOURCES)));
    }
    return query.toString();
  }
}
