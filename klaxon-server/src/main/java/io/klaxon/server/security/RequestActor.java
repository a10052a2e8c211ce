package io.klaxon.server.security;

import io.klaxon.access.Actor;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.console.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that says who a request acts as, for every handler that takes an {@link Actor}: the
 * signed-in key ({@code key:<name>}) whatever the request claims; else, for the API, the {@value
 * #HEADER} header, else {@link DefaultActor} or {@link Actor#API}; for console pages, {@link
 * Actor#CONSOLE}.
 */
final class RequestActor implements HandlerMethodArgumentResolver {

  /** The header an API client names its actor in (ignored once a key is signed in). */
  static final String HEADER = "X-Klaxon-Actor";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      @Nullable WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    Principal principal = request == null ? null : request.getUserPrincipal();
    if (principal != null) {
      // The principal is the key's actor name (key:<name>), bounded by the key ring's name limit.
      return Actor.of(principal.getName());
    }
    if (parameter.getContainingClass().isAnnotationPresent(ConsolePage.class)) {
      return Actor.CONSOLE;
    }
    DefaultActor unnamed = parameter.getParameterAnnotation(DefaultActor.class);
    return of(
        request == null ? null : request.getHeader(HEADER),
        unnamed == null ? Actor.API : Actor.of(unnamed.value()));
  }

  /**
   * The actor a header names, or {@code fallback} when it names none.
   *
   * @throws InvalidInput naming the header when it is too long
   */
  static Actor of(@Nullable String header, Actor fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    try {
      return Actor.of(header);
    } catch (InvalidInput e) {
      throw new InvalidInput(HEADER, e.errors().getFirst().reason());
    }
  }
}
