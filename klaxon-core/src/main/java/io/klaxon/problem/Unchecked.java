package io.klaxon.problem;

import org.jspecify.annotations.Nullable;

/**
 * Producer input (JSON, other languages) on its way into a constructor that checks it. Such
 * constructors report a missing value as a field error, so their parameters say what a valid value
 * is (never null) while what a producer sent may still be null. NullAway knows this method ({@code
 * CastToNonNullMethod} in the build): it is the one place such a null crosses on purpose.
 */
public final class Unchecked {

  private Unchecked() {}

  /** The value as sent, for a constructor that refuses a null with a field error. */
  @SuppressWarnings("NullAway") // the deliberate crossing this class exists for
  public static <T> T input(@Nullable T value) {
    return value;
  }
}
