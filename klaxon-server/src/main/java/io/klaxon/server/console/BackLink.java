package io.klaxon.server.console;

import org.jspecify.annotations.Nullable;

/** Where a console form returns to after its action. */
public final class BackLink {

  private BackLink() {}

  /** Only a path of this site: never a redirect elsewhere. */
  public static String safe(@Nullable String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
      return "/";
    }
    return back;
  }
}
