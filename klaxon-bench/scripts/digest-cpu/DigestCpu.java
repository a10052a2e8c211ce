package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.Set;

/**
 * The re-trigger's digest alone (TriggerDigest.of, which the engine's submit computes on the
 * request thread for every trigger): 1,000 triggers with the attributes an alert of the
 * side-by-side's client gets (4 labels, an annotation, generatorURL, startsAt, receivedAt,
 * receivedVia), digested 200 times a round; prints the thread CPU per digest of rounds 11 to 30.
 * Compiled and run by digest-cpu.sh, in this package because TriggerDigest is package-private.
 */
public class DigestCpu {
  public static void main(String[] args) {
    AttributeMerge merge = new AttributeMerge(Set.of("receivedAt"), Set.of("startsAt"));
    int n = 1000;
    AlertCommand.Trigger[] triggers = new AlertCommand.Trigger[n];
    for (int i = 0; i < n; i++) {
      String host = "host-" + (i * 7919 % 100000);
      Map<String, Object> attributes =
          Map.ofEntries(
              Map.entry("labels.alertname", "DiskFull"),
              Map.entry("labels.instance", host),
              Map.entry("labels.job", "node"),
              Map.entry("labels.severity", "warning"),
              Map.entry("annotations.summary", "disk almost full on " + host),
              Map.entry("generatorURL", "http://prometheus/graph"),
              Map.entry("startsAt", "2026-11-23T06:00:00Z"),
              Map.entry("receivedAt", "2026-12-06T20:00:00.123Z"),
              Map.entry("receivedVia", "api"));
      triggers[i] =
          new AlertCommand.Trigger(
              "fp" + i, "alertmanager", "DiskFull", Severity.MEDIUM, "DiskFull",
              "disk almost full on " + host, null, null, null, null, attributes, null, null,
              Actor.of("alertmanager"), null, null, merge);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 1; round <= 30; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int r = 0; r < 200; r++) {
        for (AlertCommand.Trigger trigger : triggers) {
          TriggerDigest digest = TriggerDigest.of(trigger);
          sink += digest == null ? 0 : digest.high();
        }
      }
      long t1 = threads.getCurrentThreadCpuTime();
      if (round > 10) {
        System.out.printf("round %d %.1f%n", round, (t1 - t0) / (200.0 * n));
      }
    }
    System.out.println("sink " + sink);
  }
}
