package io.klaxon.engine;

/** What the write path reports as it works; the server turns it into Micrometer meters. */
public interface EngineMetrics {

  /** A transaction committed {@code commands} commands from {@code requests} callers. */
  default void committed(
      int requests, int commands, int alertsWritten, int historyWritten, long nanos) {}

  /** A submission was refused because the queue was full. */
  default void rejected(int commands) {}

  /** A commit failed and will be tried again. */
  default void retried(Throwable cause) {}

  /** A batch failed for good; its callers were told. */
  default void failed(int commands, Throwable cause) {}

  EngineMetrics NONE = new EngineMetrics() {};
}
