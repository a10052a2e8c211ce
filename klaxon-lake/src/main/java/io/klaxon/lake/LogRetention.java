package io.klaxon.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps a Delta table's {@code _delta_log} bounded: after each checkpoint, the commit files,
 * checkpoints and checksums of versions before the oldest of the {@code checkpoints} newest
 * checkpoints are deleted, once older than {@code minAge}. The table's latest state never needs
 * them (a reader starts at the newest checkpoint); what is lost is time travel to those versions.
 * {@code minAge} spares a reader of another process that began on an older checkpoint a moment ago.
 *
 * @param checkpoints how many of the newest checkpoints stay, with every version after the oldest
 * @param minAge how old a file must be to go
 */
public record LogRetention(int checkpoints, Duration minAge) {

  /**
   * Two checkpoints, files older than ten seconds: about two checkpoint intervals of log, whatever
   * the commit rate.
   */
  public static final LogRetention DEFAULT = new LogRetention(2, Duration.ofSeconds(10));

  /**
   * How many commits Klaxon's tables leave between checkpoints ({@code delta.checkpointInterval}).
   */
  public static final int CHECKPOINT_INTERVAL = 100;

  public LogRetention {
    if (checkpoints < 1) {
      throw new IllegalArgumentException("checkpoints must be at least 1, not " + checkpoints);
    }
    if (minAge.isNegative()) {
      throw new IllegalArgumentException("minAge must not be negative, not " + minAge);
    }
  }

  /**
   * Deletes what the rule lets go in the table's log directory.
   *
   * @return how many files were deleted
   */
  int clean(Path table, Instant now) throws IOException {
    Path log = table.resolve("_delta_log");
    List<Path> files;
    try (Stream<Path> listing = Files.list(log)) {
      files = listing.filter(Files::isRegularFile).toList();
    }
    TreeSet<Long> checkpointVersions = new TreeSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      long version = version(name);
      if (version >= 0 && name.contains(".checkpoint.")) {
        checkpointVersions.add(version);
      }
    }
    if (checkpointVersions.size() < checkpoints) {
      return 0;
    }
    long oldestKept =
        checkpointVersions.descendingSet().stream().skip(checkpoints - 1).findFirst().orElseThrow();
    Instant cutoff = now.minus(minAge);
    int deleted = 0;
    for (Path file : files) {
      long version = version(file.getFileName().toString());
      if (version >= 0
          && version < oldestKept
          && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
          && Files.deleteIfExists(file)) {
        deleted++;
      }
    }
    return deleted;
  }

  /** The version a log file is of ({@code 00000000000000000042.json} is 42); -1 for others. */
  private static long version(String name) {
    if (name.length() < 21 || name.charAt(20) != '.') {
      return -1;
    }
    for (int i = 0; i < 20; i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(name, 0, 20, 10);
  }
}
