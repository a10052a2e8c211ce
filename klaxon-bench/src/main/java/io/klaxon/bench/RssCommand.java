package io.klaxon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints a process's resident set size, as Linux reports it in {@code /proc/PID/status}. */
@Command(
    name = "rss",
    mixinStandardHelpOptions = true,
    description = "Print VmRSS (and VmHWM, the peak) of a process from /proc/PID/status.")
public final class RssCommand implements Callable<Integer> {

  @Option(names = "--pid", required = true, description = "process id, e.g. the server's")
  long pid;

  @Override
  public Integer call() throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
          System.out.println(format(line));
        }
      }
      return 0;
    } catch (NoSuchFileException e) {
      System.err.println("rss: no process " + pid + " (or no /proc: this works on Linux only)");
      return 1;
    }
  }

  /** "VmRSS: 123456 kB" becomes "VmRSS 123456 kB (120.6 MiB)". */
  private static String format(String line) {
    String[] parts = line.trim().split("\\s+", -1);
    long kib = Long.parseLong(parts[1]);
    return String.format("%s %d kB (%.1f MiB)", parts[0].replace(":", ""), kib, kib / 1024.0);
  }
}
