package io.klaxon.server.console;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import java.util.stream.Collectors;

/** Refusals in words for a page, as flash messages and error pages show them. */
public final class Refusals {

  private Refusals() {}

  /** A refusal in words: each bad field with its reason. */
  public static String describe(KlaxonException e) {
    if (e instanceof InvalidInput invalid) {
      return invalid.errors().stream()
          .map(f -> f.field().isEmpty() ? f.reason() : f.field() + ": " + f.reason())
          .collect(Collectors.joining("; "));
    }
    return e.getMessage();
  }
}
