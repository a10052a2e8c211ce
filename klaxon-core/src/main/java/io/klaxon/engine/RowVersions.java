package io.klaxon.engine;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Versions by alert id, in open addressing over two arrays that are kept when cleared, so that
 * noting an alert allocates nothing once they have grown to the number of alerts a fold takes. Ids
 * are positive: 0 marks a free cell.
 */
final class RowVersions {

  /** What {@link #get} answers for an id it does not hold. */
  static final long NONE = Long.MIN_VALUE;

  private long[] ids = new long[64];
  private long[] versions = new long[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  long get(long id) {
    int mask = ids.length - 1;
    for (int i = cell(id, mask); ; i = (i + 1) & mask) {
      long held = ids[i];
      if (held == id) {
        return versions[i];
      }
      if (held == 0) {
        return NONE;
      }
    }
  }

  void putIfAbsent(long id, long version) {
    if (id <= 0) {
      throw new IllegalArgumentException("alert id " + id);
    }
    if ((size + 1) * 2 > ids.length) {
      grow();
    }
    int mask = ids.length - 1;
    int i = cell(id, mask);
    while (ids[i] != 0) {
      if (ids[i] == id) {
        return;
      }
      i = (i + 1) & mask;
    }
    ids[i] = id;
    versions[i] = version;
    size++;
  }

  /** Removes by shifting back the entries of the run after it, so no tombstones are left. */
  void remove(long id) {
    int mask = ids.length - 1;
    int i = cell(id, mask);
    while (ids[i] != id) {
      if (ids[i] == 0) {
        return;
      }
      i = (i + 1) & mask;
    }
    size--;
    int hole = i;
    for (int j = (hole + 1) & mask; ids[j] != 0; j = (j + 1) & mask) {
      int home = cell(ids[j], mask);
      // Moves j into the hole unless its home lies cyclically in (hole, j].
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        ids[hole] = ids[j];
        versions[hole] = versions[j];
        hole = j;
      }
    }
    ids[hole] = 0;
  }

  void forEachId(LongConsumer action) {
    for (long id : ids) {
      if (id != 0) {
        action.accept(id);
      }
    }
  }

  void clear() {
    if (size != 0) {
      Arrays.fill(ids, 0);
      size = 0;
    }
  }

  private void grow() {
    long[] oldIds = ids;
    long[] oldVersions = versions;
    ids = new long[oldIds.length * 2];
    versions = new long[oldIds.length * 2];
    size = 0;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != 0) {
        putIfAbsent(oldIds[i], oldVersions[i]);
      }
    }
  }

  private static int cell(long id, int mask) {
    long mixed = id * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32)) & mask;
  }
}
