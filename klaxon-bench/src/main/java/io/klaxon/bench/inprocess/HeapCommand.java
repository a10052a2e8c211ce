package io.klaxon.bench.inprocess;

import io.klaxon.bench.jmh.NullStore;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.management.ObjectName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Heap held per active alert: an engine over a store that keeps nothing opens {@code --alerts}
 * alerts shaped as the Alertmanager intake makes them, re-triggers each of them {@code --passes}
 * times (so the index holds what re-triggers leave behind, as in the side-by-side run), and
 * compares the live heap after a full collection with the heap before. The class histogram of the
 * JVM names what the bytes are.
 */
@Command(
    name = "heap",
    mixinStandardHelpOptions = true,
    description = "Measure live heap bytes per active alert held by the engine (no database).")
public final class HeapCommand implements Callable<Integer> {

  @Option(
      names = "--alerts",
      defaultValue = "100000",
      description = "active alerts to hold (default ${DEFAULT-VALUE})")
  int alerts;

  @Option(
      names = "--passes",
      defaultValue = "2",
      description = "re-triggers of every alert after it is opened (default ${DEFAULT-VALUE})")
  int passes;

  @Option(
      names = "--histogram",
      defaultValue = "15",
      description = "lines of the class histogram to print, 0 for none (default ${DEFAULT-VALUE})")
  int histogram;

  @Override
  public Integer call() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (AlertEngine engine = AlertEngine.start(new NullStore(), InstantSource.system())) {
      long before = liveHeap(memory);
      for (int pass = 0; pass <= passes; pass++) {
        for (int from = 0; from < alerts; from += 1_000) {
          List<AlertCommand> batch = new ArrayList<>(1_000);
          Instant now = Instant.now();
          for (int n = from; n < Math.min(alerts, from + 1_000); n++) {
            batch.add(AlertmanagerShape.trigger(n, now));
          }
          engine.apply(batch);
        }
        System.err.printf("heap: pass %d of %d done%n", pass, passes);
      }
      long after = liveHeap(memory);
      if (engine.activeCount() != alerts) {
        System.err.printf(
            "heap: expected %,d active alerts, the engine holds %,d%n",
            alerts, engine.activeCount());
        return 1;
      }
      System.out.printf(
          "heap: %,d active alerts (Alertmanager-shaped, %d re-trigger passes) hold %,.1f MiB of"
              + " live heap: %,d bytes per active alert%n",
          alerts, passes, (after - before) / 1048576.0, (after - before) / alerts);
      if (histogram > 0) {
        printHistogram(histogram);
      }
    }
    return 0;
  }

  /** Heap in use after full collections, once it stops falling. */
  private static long liveHeap(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100); // lets reference processing and string deduplication settle
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }

  /** The top of {@code jcmd PID GC.class_histogram}, from this JVM's diagnostic command bean. */
  private static void printHistogram(int lines) throws Exception {
    String text =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    text.lines().limit(lines + 2L).forEach(System.out::println);
  }
}
