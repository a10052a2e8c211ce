package io.klaxon.lake;

import io.klaxon.embed.AlertManagerContract;
import io.klaxon.store.AlertStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AlertManager contract on the Delta store, answering every question with a pruned scan of the
 * table.
 */
class DeltaScanAlertManagerTest extends AlertManagerContract {

  @TempDir Path dir;

  @Override
  protected AlertStore openStore() {
    return DeltaAlertStore.open(dir.resolve("alerts"), clock, DeltaAlertStore.Reads.SCAN);
  }

  @Override
  protected AlertStore reopenStore() {
    return DeltaAlertStore.open(dir.resolve("alerts"), clock, DeltaAlertStore.Reads.SCAN);
  }
}
