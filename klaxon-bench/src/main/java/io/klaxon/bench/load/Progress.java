package io.klaxon.bench.load;

import java.util.function.LongSupplier;

/** Prints one line a second while a run goes on: totals, and the rate over the last second. */
final class Progress implements AutoCloseable {

  private final Thread printer;

  /**
   * @param done what to count (events, or queries) and how to name it
   */
  Progress(String noun, LongSupplier done, LoadStats stats) {
    long started = System.nanoTime();
    printer =
        Thread.ofVirtual()
            .name("progress")
            .start(
                () -> {
                  long last = 0;
                  long lastAt = started;
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                      return;
                    }
                    long now = System.nanoTime();
                    long count = done.getAsLong();
                    double rate = (count - last) * 1e9 / (now - lastAt);
                    System.out.printf(
                        "%6.1fs %s=%,d (%,.0f/s last second) errors=%,d 503s=%,d refused=%,d%n",
                        (now - started) / 1e9,
                        noun,
                        count,
                        rate,
                        stats.errorCount(),
                        stats.unavailable.sum(),
                        stats.refused.sum());
                    last = count;
                    lastAt = now;
                  }
                });
  }

  @Override
  public void close() {
    printer.interrupt();
  }
}
