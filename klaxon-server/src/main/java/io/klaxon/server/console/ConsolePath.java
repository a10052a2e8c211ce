package io.klaxon.server.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Gives a console page's view the path of the page ({@code path}), for the navigation's current
 * link, unless the page set {@code path} itself. Not a {@code @ModelAttribute} of {@link
 * ConsoleAdvice}: Spring MVC would then scan every handler's class for {@link ConsolePage} on every
 * request, the API's included (2.5–3.1% of the request threads' samples under ingest, issue 22);
 * here only a page with a view is looked at, and by a plain annotation check.
 */
final class ConsolePath implements HandlerInterceptor {

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView view) {
    if (view == null
        || !(handler instanceof HandlerMethod method)
        || !method.getBeanType().isAnnotationPresent(ConsolePage.class)
        || redirects(view)) {
      return;
    }
    view.getModelMap().putIfAbsent("path", request.getRequestURI());
  }

  /** A redirect's URL would carry the model's plain values as query parameters. */
  private static boolean redirects(ModelAndView view) {
    String name = view.getViewName();
    return view.getView() instanceof RedirectView
        || (name != null && name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX));
  }
}
