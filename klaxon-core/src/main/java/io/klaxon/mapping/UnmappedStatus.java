package io.klaxon.mapping;

/** Where an unmapped market is in its triage, in the seed's words. */
public enum UnmappedStatus {
  NEW,
  ACKNOWLEDGED,
  MAPPED,
  IGNORED;

  /**
   * Reads a status from its name, case-insensitively.
   *
   * @throws io.klaxon.problem.InvalidInput naming {@code status} for any other word
   */
  public static UnmappedStatus parse(String text) {
    return Checks.word("status", text, UnmappedStatus.class);
  }
}
