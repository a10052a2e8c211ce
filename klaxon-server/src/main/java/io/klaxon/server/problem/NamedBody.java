package io.klaxon.server.problem;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request body that names what it defines (a person, a schedule, an escalation policy), with the
 * name rules their APIs share: lists by name, POST refuses a taken name, PUT takes the path's.
 *
 * @param <B> the body type itself, so that {@link #named} keeps it
 */
public interface NamedBody<B extends NamedBody<B>> {

  /** The name in the body; null when left out (a PUT takes the path's). */
  @Nullable String name();

  /** The same body under {@code name}. */
  B named(String name);

  /** The bodies ordered by name, as the list endpoints answer. */
  static <B extends NamedBody<B>> List<B> byName(Collection<B> bodies) {
    return bodies.stream()
        .sorted(Comparator.comparing(body -> Objects.requireNonNull(body.name())))
        .toList();
  }

  /**
   * The body of a POST, refused when its name is among {@code taken}.
   *
   * @param what the thing's name with its article, as the refusal says it ("a person")
   * @throws Conflict when the name is taken
   */
  static <B extends NamedBody<B>> B newName(B body, Set<String> taken, String what) {
    String name = body.name();
    if (name != null && taken.contains(name)) {
      throw new Conflict("name", what + " named " + name + " exists; PUT replaces it");
    }
    return body;
  }

  /**
   * The body of a PUT under the path's name.
   *
   * @throws InvalidInput when the body names something else
   */
  static <B extends NamedBody<B>> B atPath(B body, String pathName) {
    String name = body.name();
    if (name != null && !name.equals(pathName)) {
      throw new InvalidInput("name", "must be the name in the path, " + pathName + ", or left out");
    }
    return body.named(pathName);
  }
}
