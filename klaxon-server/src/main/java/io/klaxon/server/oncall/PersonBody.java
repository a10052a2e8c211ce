package io.klaxon.server.oncall;

import io.klaxon.oncall.Person;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.NamedBody;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person as the API gives and stores it: {@code name}, {@code timeZone} (IANA) and {@code
 * contacts}, the names of the receivers that reach them, in the order to try them.
 */
record PersonBody(@Nullable String name, @Nullable String timeZone, @Nullable List<String> contacts)
    implements NamedBody<PersonBody> {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @Override
  public PersonBody named(String newName) {
    return new PersonBody(newName, timeZone, contacts);
  }

  /** The person, or null with every fault recorded; {@code receivers} are the names that exist. */
  @Nullable Person toPerson(FieldErrors errors, Set<String> receivers) {
    checkName(errors, name);
    ZoneId zone = zone(errors, "timeZone", timeZone);
    List<String> given = contacts == null ? List.of() : contacts;
    for (int i = 0; i < given.size(); i++) {
      if (!receivers.contains(given.get(i))) {
        errors.add("contacts[" + i + "]", "no receiver is named '" + given.get(i) + "'");
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Person(Objects.requireNonNull(name), Objects.requireNonNull(zone), given);
  }

  static void checkName(FieldErrors errors, @Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add(
          "name",
          "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  static @Nullable ZoneId zone(FieldErrors errors, String field, @Nullable String text) {
    if (!errors.require(field, text)) {
      return null;
    }
    try {
      return ZoneId.of(Objects.requireNonNull(text));
    } catch (DateTimeException e) {
      errors.add(field, "'" + text + "' is not an IANA time zone such as Europe/Berlin");
      return null;
    }
  }
}
