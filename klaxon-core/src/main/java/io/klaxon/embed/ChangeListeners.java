package io.klaxon.embed;

import io.klaxon.alert.Alert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The listeners of an {@link AlertManager}, told of committed changes on one thread of their own:
 * the engine's writer only hands the alerts over, so a slow or failing listener never holds up a
 * commit, and one thread keeps the listeners hearing changes in commit order.
 */
final class ChangeListeners implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChangeListeners.class.getName());

  private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("klaxon-listeners").factory());

  void add(Consumer<Alert> listener) {
    listeners.add(listener);
  }

  void remove(Consumer<Alert> listener) {
    listeners.remove(listener);
  }

  /** Called on the engine's writer after a commit: queues the alerts for the listeners. */
  void publish(List<Alert> changed) {
    notifier.execute(() -> changed.forEach(this::tell));
  }

  private void tell(Alert alert) {
    for (Consumer<Alert> listener : listeners) {
      try {
        listener.accept(alert);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an alert listener failed on alert " + alert.id(), e);
      }
    }
  }

  /** Tells the listeners of every change already published, then stops. */
  @Override
  public void close() {
    notifier.close();
  }
}
