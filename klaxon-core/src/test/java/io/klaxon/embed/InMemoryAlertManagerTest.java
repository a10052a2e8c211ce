package io.klaxon.embed;

import io.klaxon.store.AlertStore;
import io.klaxon.store.InMemoryAlertStore;

/** The AlertManager contract on the in-memory store; reopening finds the same store. */
class InMemoryAlertManagerTest extends AlertManagerContract {

  private final InMemoryAlertStore store = new InMemoryAlertStore();

  @Override
  protected AlertStore openStore() {
    return store;
  }

  @Override
  protected AlertStore reopenStore() {
    return store;
  }
}
