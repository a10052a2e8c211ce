package io.klaxon.server.security;

import io.klaxon.access.ApiKey;
import io.klaxon.problem.Unavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its key header, {@code Authorization: Bearer <key>} or {@code
 * X-API-Key: <key>}: a key that does not work is answered 401 at once, never passed on to be tried
 * as something else. Without a header, a session signed in with a key that has since been revoked
 * or has expired is ended.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";

  private final KeyAuthenticator authenticator;

  ApiKeyFilter(KeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** The key text a request carries, if it carries one. */
  static @Nullable String keyText(HttpServletRequest request) {
    String header = request.getHeader(API_KEY_HEADER);
    if (header != null) {
      return header.strip();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null
        && authorization.length() > 7
        && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return authorization.substring(7).strip();
    }
    return authorization == null ? null : "";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String text = keyText(request);
    if (text == null) {
      endRevokedSession(request);
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiKey> key;
    try {
      key = text.isEmpty() ? Optional.empty() : authenticator.authenticate(text);
    } catch (Unavailable away) {
      // A key never verified here, with the key store away: a retry later may pass, a 401 would
      // tell the client its key is bad.
      SecurityContextHolder.clearContext();
      response.setHeader("Retry-After", "1");
      ProblemResponses.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "the key store cannot be reached to check the key; retry shortly");
      return;
    }
    if (key.isEmpty()) {
      SecurityContextHolder.clearContext();
      ProblemResponses.unauthorized(
          request,
          response,
          "the API key is not valid: unknown, revoked or expired, or not a Bearer key");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new KeyAuthentication(key.get()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  private void endRevokedSession(HttpServletRequest request) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (current instanceof KeyAuthentication signedIn
        && !authenticator.stillWorks(signedIn.keyId())) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
  }
}
