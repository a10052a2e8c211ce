package io.klaxon.server.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Who a console action is recorded as: the signed-in user once there is one, else {@code console}.
 */
public final class ConsoleActor {

  static final String DEFAULT = "console";

  private ConsoleActor() {}

  public static String of(HttpServletRequest request) {
    // The principal is the key's actor name (key:<name>), bounded by the key ring's name limit.
    Principal principal = request.getUserPrincipal();
    return principal == null ? DEFAULT : principal.getName();
  }
}
