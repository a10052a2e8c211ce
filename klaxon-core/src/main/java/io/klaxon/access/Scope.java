package io.klaxon.access;

import io.klaxon.problem.InvalidInput;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a key may do. {@link #ADMIN} includes every other scope; the others are independent, so a
 * producer's {@code ingest} key cannot read alerts and a dashboard's {@code read} key cannot act.
 */
public enum Scope {
  /** Read alerts, history, servers, mappings, metrics. */
  READ,
  /** Send signals, alert events and Alertmanager alerts. */
  INGEST,
  /** Acknowledge, resolve, dismiss, add notes, bulk changes. */
  OPERATE,
  /** Settings, mappings, servers, receivers, routes, keys; and everything above. */
  ADMIN;

  /** The scope's word in the API and on the command line, e.g. {@code ingest}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a key holding {@code held} may do what needs this scope. */
  public boolean grantedBy(Set<Scope> held) {
    return held.contains(this) || held.contains(ADMIN);
  }

  /**
   * The scope a word names.
   *
   * @throws InvalidInput naming {@code field} for a word that is no scope
   */
  public static Scope of(String field, String word) {
    for (Scope scope : values()) {
      if (scope.word().equals(word)) {
        return scope;
      }
    }
    throw new InvalidInput(
        field, "must be one of read, ingest, operate, admin, not \"" + word + "\"");
  }

  /** Scopes from their words, e.g. {@code read,ingest}. */
  public static Set<Scope> parse(String field, String words) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String word : words.split(",", -1)) {
      scopes.add(of(field, word.strip()));
    }
    return scopes;
  }

  /** The words of some scopes in a fixed order, comma separated. */
  public static String words(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::word).collect(Collectors.joining(","));
  }
}
