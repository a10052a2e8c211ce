package io.klaxon.server.notify;

import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import java.util.List;
import org.springframework.util.MultiValueMap;

/** Refuses query parameters on the requests that take none, naming each. */
final class NoParams {

  private NoParams() {}

  static void check(MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    new QueryParams(params, errors, List.of());
    errors.throwIfAny();
  }
}
