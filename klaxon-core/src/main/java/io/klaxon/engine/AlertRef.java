package io.klaxon.engine;

/** How a command names the alert it is about: by id, or by the fingerprint of the active one. */
public sealed interface AlertRef {

  /** A specific alert, active or not. */
  record ById(long id) implements AlertRef {}

  /** Whichever alert is active for the fingerprint now, if any. */
  record ByFingerprint(String fingerprint) implements AlertRef {}

  static AlertRef id(long id) {
    return new ById(id);
  }

  static AlertRef fingerprint(String fingerprint) {
    return new ByFingerprint(fingerprint);
  }
}
