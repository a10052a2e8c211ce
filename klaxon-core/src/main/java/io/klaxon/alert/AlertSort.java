package io.klaxon.alert;

import io.klaxon.problem.InvalidInput;

/** Orders of an alert list; each ends on the id so that pages are stable. */
public enum AlertSort {
  DETECTED_AT_DESC("-detectedAt"),
  DETECTED_AT_ASC("detectedAt"),
  LAST_SEEN_AT_DESC("-lastSeenAt"),
  LAST_SEEN_AT_ASC("lastSeenAt"),
  /** Most severe first. */
  SEVERITY_DESC("-severity"),
  /** Least severe first. */
  SEVERITY_ASC("severity");

  private final String word;

  AlertSort(String word) {
    this.word = word;
  }

  /** The API form: a field name, with a leading '-' for descending. */
  public String word() {
    return word;
  }

  /**
   * Reads the API form.
   *
   * @throws InvalidInput naming {@code sort} for anything else
   */
  public static AlertSort parse(String text) {
    for (AlertSort sort : values()) {
      if (sort.word.equals(text.trim())) {
        return sort;
      }
    }
    throw new InvalidInput(
        "sort",
        "unknown sort '"
            + text
            + "': use detectedAt, lastSeenAt or severity, '-' first for descending");
  }
}
