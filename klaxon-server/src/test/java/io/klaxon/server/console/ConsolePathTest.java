package io.klaxon.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

class ConsolePathTest {

  @ConsolePage
  static final class Page {
    public String show() {
      return "console/board";
    }
  }

  static final class Api {
    public String show() {
      return "{}";
    }
  }

  private final ConsolePath consolePath = new ConsolePath();
  private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/silences");

  @Test
  void aConsolePagesView_getsThePagesPath() throws Exception {
    ModelAndView view = new ModelAndView("console/silences");

    consolePath.postHandle(request, new MockHttpServletResponse(), handler(new Page()), view);

    assertThat(view.getModel()).containsEntry("path", "/silences");
  }

  @Test
  void aPathThePageSetItself_isKept() throws Exception {
    ModelAndView view = new ModelAndView("console/risk-event");
    view.addObject("path", "the page's own");

    consolePath.postHandle(request, new MockHttpServletResponse(), handler(new Page()), view);

    assertThat(view.getModel()).containsEntry("path", "the page's own");
  }

  @Test
  void aRedirect_andAnotherControllersView_getNoPath() throws Exception {
    ModelAndView redirect = new ModelAndView("redirect:/silences");
    ModelAndView other = new ModelAndView("console/silences");

    consolePath.postHandle(request, new MockHttpServletResponse(), handler(new Page()), redirect);
    consolePath.postHandle(request, new MockHttpServletResponse(), handler(new Api()), other);

    assertThat(redirect.getModel()).doesNotContainKey("path");
    assertThat(other.getModel()).doesNotContainKey("path");
  }

  private static HandlerMethod handler(Object controller) throws NoSuchMethodException {
    return new HandlerMethod(controller, controller.getClass().getMethod("show"));
  }
}
