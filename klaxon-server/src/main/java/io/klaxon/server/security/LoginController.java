package io.klaxon.server.security;

import io.klaxon.access.ApiKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in: a form taking an API key; a key that works starts a session (a new session
 * id, HttpOnly SameSite cookie) signed in as that key, with its scopes.
 */
@Controller
class LoginController {

  private final KeyAuthenticator authenticator;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  LoginController(KeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @GetMapping("/login")
  String page(
      @RequestParam(name = "error", required = false) @Nullable String error,
      @RequestParam(name = "signedOut", required = false) @Nullable String signedOut,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", signedOut != null);
    return "login";
  }

  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String signIn(
      @RequestParam(name = "key", required = false) @Nullable String key,
      HttpServletRequest request,
      HttpServletResponse response) {
    Optional<ApiKey> found =
        key == null || key.isBlank() ? Optional.empty() : authenticator.authenticate(key.strip());
    if (found.isEmpty()) {
      return "redirect:/login?error";
    }
    // A new session id on sign-in: an id planted before it (session fixation) is worthless.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    } else {
      request.getSession(true);
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new KeyAuthentication(found.get()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return "redirect:/";
  }
}
