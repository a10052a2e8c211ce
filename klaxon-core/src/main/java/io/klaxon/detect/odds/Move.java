package io.klaxon.detect.odds;

/**
 * A price's move over the look-back window.
 *
 * @param from the oldest price inside the window
 * @param to the latest price
 * @param percent the change in percent of {@code from}, rounded to 6 decimals so that a move of
 *     exactly 7 % in decimal odds (2.00 to 2.14) is 7 % and not 7.000000000000006 or 6.99999…
 */
record Move(double from, double to, double percent) {

  private static final double SCALE = 1e6;

  static Move of(double from, double to) {
    return new Move(from, to, percent(from, to));
  }

  /** The change from {@code from} to {@code to} in percent of {@code from}, as a move keeps it. */
  static double percent(double from, double to) {
    return Math.round((to - from) / from * 100 * SCALE) / SCALE;
  }

  /** 1 when the odds drifted (rose), -1 when they shortened (fell), 0 when they did not move. */
  int direction() {
    return (int) Math.signum(percent);
  }

  /** The magnitude of the change, in percent. */
  double size() {
    return Math.abs(percent);
  }
}
