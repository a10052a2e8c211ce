package io.klaxon.server.alertmanager;

import io.klaxon.access.Actor;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-alert work of POST /api/v2/alerts on the request threads, alone: read each alert of a
 * body as the side-by-side's client posts it (PostedAlert.readPlain), its label fingerprint and its
 * command (AlertMapping.map, AlertAttributes.of), in rounds over 2,000 bodies of 100 alerts; prints
 * the thread CPU per alert of the second half of the rounds. Compiled and run by intake-cpu.sh,
 * in this package because what it calls is package-private.
 */
public class IntakeCpu {
  public static void main(String[] args) throws Exception {
    int fps = 100_000;
    int bodies = 2000;
    List<byte[]> all = new ArrayList<>();
    long counter = 0;
    for (int b = 0; b < bodies; b++) {
      StringBuilder s = new StringBuilder("[");
      for (int i = 0; i < 100; i++) {
        long n = (counter++ * 7919) % fps;
        if (i > 0) s.append(',');
        s.append("{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"host-").append(n)
            .append("\",\"job\":\"node\",\"severity\":\"warning\"},\"annotations\":{\"summary\":\"disk almost full on host-")
            .append(n).append("\"},\"startsAt\":\"2026-11-23T06:00:00Z\",\"generatorURL\":\"http://prometheus/graph\"}");
      }
      all.add(s.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }
    JsonMapper mapper = JsonMapper.builder().build();
    AlertMapping mapping = new AlertMapping(new AlertmanagerSettings(Duration.ofMinutes(5), "medium", Duration.ofSeconds(15), "klaxon"));
    var bean = ManagementFactory.getThreadMXBean();
    long sink = 0;
    int rounds = Integer.parseInt(args[0]);
    for (int r = 0; r < rounds; r++) {
      long cpu0 = bean.getCurrentThreadCpuTime();
      long alerts = 0;
      for (byte[] body : all) {
        Instant now = Instant.now();
        try (JsonParser p = mapper.createParser(body)) {
          p.nextToken();
          List<PostedAlert.Fault> faults = new ArrayList<>();
          int i = 0;
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            PostedAlert a = PostedAlert.readPlain(p);
            AlertMapping.Mapped m = mapping.map(a, LabelFingerprint.key(a.labels()), AlertAttributes.Via.API, Actor.API, now, "", i++, faults);
            sink += m.fingerprint().length();
            alerts++;
          }
        }
      }
      long cpu = bean.getCurrentThreadCpuTime() - cpu0;
      if (r >= rounds / 2) System.out.printf("round %d: %.3f us/alert%n", r, cpu / 1e3 / alerts);
    }
    System.out.println(sink);
  }

}
