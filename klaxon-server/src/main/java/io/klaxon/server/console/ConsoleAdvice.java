package io.klaxon.server.console;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.Unavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of console pages as HTML pages (the API's problem details stay with the API). What every
 * page's layout needs comes from {@link ConsolePath}.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

  @ExceptionHandler(NotFound.class)
  String notFound(NotFound e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return error(model, "Not found", e.getMessage());
  }

  @ExceptionHandler({InvalidInput.class, MethodArgumentTypeMismatchException.class})
  String invalid(Exception e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    String detail =
        e instanceof KlaxonException k
            ? Refusals.describe(k)
            : "'"
                + ((MethodArgumentTypeMismatchException) e).getValue()
                + "' is not a valid "
                + ((MethodArgumentTypeMismatchException) e).getName();
    return error(model, "Bad request", detail);
  }

  @ExceptionHandler(Unavailable.class)
  String unavailable(Unavailable e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "1");
    return error(model, "Try again", e.getMessage());
  }

  @ExceptionHandler(KlaxonException.class)
  String refused(KlaxonException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    return error(model, "Refused", Refusals.describe(e));
  }

  private static String error(Model model, String title, String detail) {
    model.addAttribute("title", title);
    model.addAttribute("detail", detail);
    return "console/error";
  }
}
