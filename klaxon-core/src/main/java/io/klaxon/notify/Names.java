package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rule for receiver and route names: they appear in URLs and in the configuration file. */
final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Names() {}

  static String check(String field, @Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInput(
          field,
          "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }
}
