package io.klaxon.lake;

import io.klaxon.engine.FakeClock;
import io.klaxon.store.AlertBuilder;
import io.klaxon.store.AlertStore;
import io.klaxon.store.AlertStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AlertStore contract on the Delta store, in both of its ways of reading. */
class DeltaAlertStoreContractTest {

  /** Answering from its state in memory. */
  @Nested
  class Cached extends OnDelta {
    Cached() {
      super(DeltaAlertStore.Reads.CACHED);
    }
  }

  /** Answering every question with a pruned scan of the table. */
  @Nested
  class Scanned extends OnDelta {
    Scanned() {
      super(DeltaAlertStore.Reads.SCAN);
    }

    @Override
    @Test
    @Disabled(
        "The Delta table has no suppressed_by column: a scan cannot see what suppresses an alert."
            + " Suppression is a server feature (the embedded AlertManager never suppresses);"
            + " adding the column needs a schema change of existing tables (LAKE.md, issue 16).")
    public void suppressedFilterKeepsOnlyAlertsSomethingSuppressesOrOnlyTheOthers() {}
  }

  abstract static class OnDelta implements AlertStoreContract {

    private final DeltaAlertStore.Reads reads;
    @TempDir Path dir;
    private FakeClock clock = new FakeClock(AlertBuilder.T0);
    private DeltaAlertStore store;

    OnDelta(DeltaAlertStore.Reads reads) {
      this.reads = reads;
    }

    @BeforeEach
    void openStore() {
      clock = new FakeClock(AlertBuilder.T0);
      store = DeltaAlertStore.open(dir.resolve("alerts"), clock, reads);
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
}
