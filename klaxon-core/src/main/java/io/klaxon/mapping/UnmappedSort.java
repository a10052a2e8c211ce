package io.klaxon.mapping;

import io.klaxon.problem.InvalidInput;

/** Orders of the unmapped market list; each ends on the id so that pages are stable. */
public enum UnmappedSort {
  OCCURRENCES_DESC("-occurrences"),
  OCCURRENCES_ASC("occurrences"),
  LAST_SEEN_AT_DESC("-lastSeenAt"),
  LAST_SEEN_AT_ASC("lastSeenAt");

  private final String word;

  UnmappedSort(String word) {
    this.word = word;
  }

  /** The API form: a field name, with a leading '-' for descending. */
  public String word() {
    return word;
  }

  /**
   * The sort an API form names.
   *
   * @throws InvalidInput naming {@code sort} for anything but the API forms
   */
  public static UnmappedSort parse(String text) {
    for (UnmappedSort sort : values()) {
      if (sort.word.equals(text.strip())) {
        return sort;
      }
    }
    throw new InvalidInput(
        "sort",
        "unknown sort '" + text + "': use occurrences or lastSeenAt, '-' first for descending");
  }
}
