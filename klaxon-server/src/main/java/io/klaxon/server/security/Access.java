package io.klaxon.server.security;

import io.klaxon.access.Scope;

/** What a request needs to be let through. */
public sealed interface Access {

  /** Anyone, signed in or not. */
  record Open() implements Access {}

  /** Any signed-in key, by header or by session. */
  record SignedIn() implements Access {}

  /** A key holding the scope (or {@code admin}). */
  record Needs(Scope scope) implements Access {}

  Access OPEN = new Open();
  Access SIGNED_IN = new SignedIn();

  static Access needs(Scope scope) {
    return new Needs(scope);
  }
}
