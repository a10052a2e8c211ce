package io.klaxon.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Hands every argument to JMH's own command line ({@code jmh -h} lists them). */
@Command(
    name = "jmh",
    description = "Run the JMH benchmarks; every argument goes to JMH (try: jmh -h, jmh -l).")
public final class JmhCommand implements Callable<Integer> {

  // Unmatched rather than declared options, so that JMH's own -h, -f, -wi … reach JMH untouched.
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    org.openjdk.jmh.Main.main(args.toArray(String[]::new));
    return 0;
  }
}
