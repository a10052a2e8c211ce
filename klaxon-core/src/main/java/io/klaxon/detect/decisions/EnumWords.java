package io.klaxon.detect.decisions;

import io.klaxon.problem.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads a decision enum from its name, case-insensitively, naming the field when it cannot. */
final class EnumWords {

  private EnumWords() {}

  static <E extends Enum<E>> E parse(String field, @Nullable String text, Class<E> type) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, "is required: use one of " + accepted(type));
    }
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    throw new InvalidInput(
        field, "unknown " + field + " '" + text + "': use one of " + accepted(type));
  }

  private static String accepted(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
