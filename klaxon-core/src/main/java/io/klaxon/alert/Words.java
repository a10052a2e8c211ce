package io.klaxon.alert;

import io.klaxon.problem.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads an enum from its API word or a seed synonym, case-insensitively, refusing others. */
final class Words {

  private Words() {}

  static <E extends Enum<E>> E parse(
      String field, String text, Map<String, E> synonyms, Class<E> type) {
    E found = synonyms.get(text.trim().toLowerCase(Locale.ROOT));
    if (found == null) {
      String accepted =
          Arrays.stream(type.getEnumConstants())
              .map(e -> e.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      throw new InvalidInput(field, "unknown " + field + " '" + text + "': use one of " + accepted);
    }
    return found;
  }
}
