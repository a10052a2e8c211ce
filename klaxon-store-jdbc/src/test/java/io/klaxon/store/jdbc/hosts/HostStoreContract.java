package io.klaxon.store.jdbc.hosts;

import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.AlertBuilder;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The host store and the host detector on a real database, the same tests on every dialect. One
 * database serves the class, emptied before each test; each test gets a running engine and monitor,
 * which {@link HostFixture#restart} replaces as a restarted server would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostStoreContract
    implements HostRowsContract, HostDetectionContract, ServerLockContract {

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private @Nullable JdbcAlertStore alertStore;
  private @Nullable JdbcHostStore hostStore;
  private @Nullable AlertEngine engine;
  private @Nullable HostMonitor monitor;
  private ManualClock clock = new ManualClock(AlertBuilder.T0);

  protected abstract TestDatabase openDatabase();

  @BeforeEach
  protected final void emptyStore() {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      // The stores keep nothing in memory: a restart only needs a new engine and monitor.
      alertStore = JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
      hostStore = JdbcHostStore.open(database.dataSource());
    }
    database.clear();
    execute("delete from settings");
    execute("delete from settings_history");
    clock = new ManualClock(AlertBuilder.T0);
    restart();
  }

  @AfterEach
  protected final void stopEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  @AfterAll
  protected final void closeDatabase() {
    shared.close();
  }

  @Override
  public final void restart() {
    stopEngine();
    engine = AlertEngine.start(alerts(), clock);
    monitor = HostMonitor.start(engine, hosts(), clock, HostSettings.defaults());
  }

  @Override
  public TestDatabase database() {
    return shared.get();
  }

  @Override
  public JdbcAlertStore alerts() {
    return Objects.requireNonNull(alertStore);
  }

  @Override
  public JdbcHostStore hosts() {
    return Objects.requireNonNull(hostStore);
  }

  @Override
  public AlertEngine engine() {
    return Objects.requireNonNull(engine);
  }

  @Override
  public HostMonitor monitor() {
    return Objects.requireNonNull(monitor);
  }

  @Override
  public ManualClock clock() {
    return clock;
  }
}
