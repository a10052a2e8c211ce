package io.klaxon.lake;

import io.klaxon.embed.AlertManagerContract;
import io.klaxon.store.AlertStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The AlertManager contract on the Delta store, answering from its state in memory. */
class DeltaAlertManagerTest extends AlertManagerContract {

  @TempDir Path dir;

  @Override
  protected AlertStore openStore() {
    return DeltaAlertStore.open(dir.resolve("alerts"), clock, DeltaAlertStore.Reads.CACHED);
  }

  @Override
  protected AlertStore reopenStore() {
    return DeltaAlertStore.open(dir.resolve("alerts"), clock, DeltaAlertStore.Reads.CACHED);
  }
}
