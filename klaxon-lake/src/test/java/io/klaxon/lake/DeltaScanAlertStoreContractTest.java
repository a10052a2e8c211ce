package io.klaxon.lake;

import io.klaxon.engine.FakeClock;
import io.klaxon.store.AlertBuilder;
import io.klaxon.store.AlertStore;
import io.klaxon.store.AlertStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AlertStore contract on the Delta store, answering every question with a pruned scan of the
 * table.
 */
class DeltaScanAlertStoreContractTest implements AlertStoreContract {

  @TempDir Path dir;
  private FakeClock clock = new FakeClock(AlertBuilder.T0);
  private DeltaAlertStore store;

  @BeforeEach
  void openStore() {
    clock = new FakeClock(AlertBuilder.T0);
    store = DeltaAlertStore.open(dir.resolve("alerts"), clock, DeltaAlertStore.Reads.SCAN);
  }

  @Override
  public AlertStore store() {
    return store;
  }

  @Override
  public FakeClock clock() {
    return clock;
  }
}
