package io.klaxon.server.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who a console action is recorded as: the signed-in user once there is one, else {@code console}. */
final class ConsoleActor {

  static final String DEFAULT = "console";

  private ConsoleActor() {}

  static String of(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return DEFAULT;
    }
    String name = principal.getName().strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
