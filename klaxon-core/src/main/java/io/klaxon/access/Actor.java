package io.klaxon.access;

import io.klaxon.problem.InvalidInput;

/**
 * Who acts: a user, an API key ({@code key:<name>}) or a program, as alert history, mapping audit
 * and settings changes record it.
 *
 * @param name the name recorded, stripped, 1 to {@value #MAX_LENGTH} characters
 */
public record Actor(String name) {

  /** The longest name an actor may have (every column that records one holds this many). */
  public static final int MAX_LENGTH = 255;

  /** A caller of the API that names no one. */
  public static final Actor API = new Actor("api");

  /** A console user where no one has signed in (security off). */
  public static final Actor CONSOLE = new Actor("console");

  /**
   * An actor of this name, stripped.
   *
   * @throws InvalidInput naming {@code actor} when the name is blank or too long
   */
  public Actor {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("actor", "is required and must not be blank");
    }
    name = name.strip();
    if (name.length() > MAX_LENGTH) {
      throw new InvalidInput("actor", "must be at most " + MAX_LENGTH + " characters");
    }
  }

  /** The actor of this name; see {@link #Actor(String)} for what it refuses. */
  public static Actor of(String name) {
    return new Actor(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
