package io.klaxon.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the authenticated key the actor of a request: every controller reads the actor from {@value
 * #HEADER}, and with security on that header says the key's actor ({@code key:<name>}) whatever the
 * client sent, so history, audit and settings entries name who really acted.
 */
final class ActorFilter extends OncePerRequestFilter {

  /** The header the API has always taken the actor from. */
  static final String HEADER = "X-Klaxon-Actor";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof KeyAuthentication key) {
      chain.doFilter(new Attributed(request, key.actor()), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** A request whose actor header is the authenticated actor. */
  private static final class Attributed extends HttpServletRequestWrapper {
    private final String actor;

    Attributed(HttpServletRequest request, String actor) {
      super(request);
      this.actor = actor;
    }

    @Override
    public @Nullable String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? actor : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(Set.of(actor))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
      names.add(HEADER);
      return Collections.enumeration(names);
    }
  }
}
