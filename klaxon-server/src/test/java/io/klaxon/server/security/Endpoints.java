package io.klaxon.server.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the server has, read from Spring's handler mapping rather than listed by hand, so
 * that an endpoint added later is in the security tests without anyone adding it.
 */
record Endpoints(List<Endpoint> all) {

  /** One method and path pattern, and whether it streams (server-sent events). */
  record Endpoint(String method, String pattern, boolean streams) {
    @Override
    public String toString() {
      return method + " " + pattern;
    }

    boolean writes() {
      return !method.equals("GET");
    }
  }

  static Endpoints of(RequestMappingHandlerMapping mapping) {
    List<Endpoint> all = new ArrayList<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      boolean streams =
          info.getProducesCondition()
              .getProducibleMediaTypes()
              .contains(MediaType.TEXT_EVENT_STREAM);
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          all.add(new Endpoint("GET", pattern, streams));
          all.add(new Endpoint("POST", pattern, streams));
        }
        for (RequestMethod method : methods) {
          all.add(new Endpoint(method.name(), pattern, streams));
        }
      }
    }
    all.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
    return new Endpoints(List.copyOf(all));
  }

  List<Endpoint> writes() {
    return all.stream().filter(Endpoint::writes).toList();
  }
}
