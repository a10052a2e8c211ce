package io.klaxon.mapping;

/** The kinds of change in the mapping audit log, in the seed's words. */
public enum AuditAction {
  CREATE,
  UPDATE,
  /** A soft delete: the mapping is deactivated and kept. */
  DELETE,
  ACTIVATE,
  DEACTIVATE;

  /**
   * Reads an action from its name, case-insensitively ({@code create}, {@code CREATE}).
   *
   * @throws io.klaxon.problem.InvalidInput naming {@code action} for any other word
   */
  public static AuditAction parse(String text) {
    return Checks.word("action", text, AuditAction.class);
  }
}
