package io.klaxon.store;

import io.klaxon.engine.FakeClock;
import org.junit.jupiter.api.BeforeEach;

/** The AlertStore contract on the in-memory store. */
class InMemoryAlertStoreContractTest implements AlertStoreContract {

  private InMemoryAlertStore store = new InMemoryAlertStore();
  private FakeClock clock = new FakeClock(AlertBuilder.T0);

  @BeforeEach
  void emptyStore() {
    store = new InMemoryAlertStore();
    clock = new FakeClock(AlertBuilder.T0);
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
