package io.klaxon.server.notify;

import io.klaxon.server.problem.FieldErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading an {@code alertmanager.yml} found: the faults that stop the import (each named by
 * its place, {@code route.routes[1].matchers[0]}) and every element not taken, with the reason.
 * Files named by {@code *_file} settings are read relative to {@code baseDir}, as Alertmanager
 * reads them relative to its configuration file.
 */
final class AmReport {

  /** An element of the file that Klaxon does not take, and why. */
  record NotTaken(String path, String reason) {}

  final FieldErrors errors = new FieldErrors();
  final List<NotTaken> notTaken = new ArrayList<>();
  private final Path baseDir;

  AmReport(Path baseDir) {
    this.baseDir = baseDir;
  }

  void notTaken(String path, String reason) {
    notTaken.add(new NotTaken(path, reason));
  }

  /** The first line-trimmed content of a secret file, or null with the fault recorded. */
  @org.jspecify.annotations.Nullable String readFile(String path, String file) {
    try {
      return Files.readString(baseDir.resolve(file)).strip();
    } catch (IOException | RuntimeException e) {
      errors.add(path, "cannot read the file '" + file + "': " + e.getMessage());
      return null;
    }
  }
}
