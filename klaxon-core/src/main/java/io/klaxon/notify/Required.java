package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks for the text fields of service receivers: present, and safe where they go in a URL. */
final class Required {

  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9:_.@-]+");

  private Required() {}

  static String text(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "is required");
    }
    return value.strip();
  }

  /** Present, and only letters, digits and {@code : _ . @ -}: it becomes part of a URL. */
  static String urlSafe(String field, @Nullable String value) {
    String text = text(field, value);
    if (!URL_SAFE.matcher(text).matches()) {
      throw new InvalidInput(field, "may hold only letters, digits and : _ . @ -");
    }
    return text;
  }

  static @Nullable String optional(String field, @Nullable String value) {
    if (value != null && value.isBlank()) {
      throw new InvalidInput(field, "must not be blank; leave it out instead");
    }
    return value == null ? null : value.strip();
  }
}
