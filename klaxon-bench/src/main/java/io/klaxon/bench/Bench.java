package io.klaxon.bench;

import io.klaxon.bench.inprocess.HeapCommand;
import io.klaxon.bench.inprocess.WriterCommand;
import io.klaxon.bench.load.LoadCommand;
import io.klaxon.bench.load.SilencesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code klaxon-bench.jar}: the load generator, an RSS probe, JMH, the console page
 * timer, the lake, the notification dispatcher, and the writer's and the active index's costs.
 */
@Command(
    name = "klaxon-bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks for Klaxon; see BENCHMARKS.md.",
    subcommands = {
      LoadCommand.class,
      RssCommand.class,
      JmhCommand.class,
      ConsoleCommand.class,
      LakeCommand.class,
      NotifyCommand.class,
      HostsCommand.class,
      SilencesCommand.class,
      WriterCommand.class,
      HeapCommand.class
    })
public final class Bench implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public void run() {
    // No subcommand given: say what there is rather than do nothing silently.
    new CommandLine(this).usage(System.err);
  }
}
