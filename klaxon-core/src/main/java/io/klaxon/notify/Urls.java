package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.net.URI;
import java.util.Locale;

/** The shape every receiver URL must have; which hosts are allowed is the server's check. */
final class Urls {

  private Urls() {}

  static void check(String field, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidInput(field, "must be an http or https URL");
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      throw new InvalidInput(field, "must name a host");
    }
    if (url.getRawUserInfo() != null) {
      throw new InvalidInput(field, "must not carry a user name or password; use headers");
    }
  }
}
