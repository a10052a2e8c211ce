package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Transition;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners of {@link AlertEngine#onCommitted}: told of every committed change, never fatal. */
class AlertEngineCommitListenerTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private final List<List<Alert>> heard = new CopyOnWriteArrayList<>();
  private final AlertEngine engine =
      AlertEngine.start(store, clock, fastRetry(), EngineMetrics.NONE);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void trigger_committed_listenerHearsTheNewAlertBeforeTheCallerIsAnswered() {
    engine.onCommitted(heard::add);

    Alert opened = engine.apply(trigger("fp")).alert();

    assertThat(heard).containsExactly(List.of(opened));
  }

  @Test
  void acknowledge_committed_listenerHearsTheChangedAlert() {
    engine.apply(trigger("fp"));
    engine.onCommitted(heard::add);

    Alert acknowledged = engine.apply(change("fp", Transition.ACKNOWLEDGE)).alert();

    assertThat(heard).containsExactly(List.of(acknowledged));
    assertThat(heard.getFirst().getFirst().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
  }

  @Test
  void unchangedCommand_writesNothing_listenerHearsNothing() {
    engine.apply(trigger("fp"));
    engine.apply(change("fp", Transition.ACKNOWLEDGE));
    engine.onCommitted(heard::add);

    engine.apply(change("fp", Transition.ACKNOWLEDGE));

    assertThat(heard).isEmpty();
  }

  @Test
  void failedCommit_listenerHearsNothing() {
    engine.onCommitted(heard::add);
    store.failNextCommit();

    assertThatThrownBy(() -> engine.apply(trigger("fp"))).isInstanceOf(Unavailable.class);

    assertThat(heard).isEmpty();
  }

  @Test
  void throwingListener_doesNotBreakTheWriterOrTheOtherListeners() {
    engine.onCommitted(
        alerts -> {
          throw new IllegalStateException("listener bug");
        });
    engine.onCommitted(heard::add);

    Alert first = engine.apply(trigger("a")).alert();
    Alert second = engine.apply(trigger("b")).alert();

    assertThat(heard).containsExactly(List.of(first), List.of(second));
    assertThat(store.findById(second.id())).contains(second);
  }

  private static EngineSettings fastRetry() {
    return new EngineSettings(
        1_000, 100, Duration.ofMillis(50), Duration.ofMillis(5), Duration.ofMillis(10));
  }
}
