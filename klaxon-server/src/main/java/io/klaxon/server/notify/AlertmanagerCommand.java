package io.klaxon.server.notify;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./klaxon import-alertmanager FILE [--dry-run]}, {@code ./klaxon export-alertmanager} and
 * {@code ./klaxon routes-test name=value …}: the Alertmanager configuration commands, as a client
 * of a running server's API (so the server that routes is the one that changes, on whichever
 * database it has).
 */
public final class AlertmanagerCommand {

  /** The command names this class answers, as the first argument. */
  public static final List<String> NAMES =
      List.of("import-alertmanager", "export-alertmanager", "routes-test");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private AlertmanagerCommand() {}

  /** Runs {@code args} (starting with one of {@link #NAMES}); answers the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Object command =
        switch (args[0]) {
          case "import-alertmanager" -> new Import();
          case "export-alertmanager" -> new Export();
          default -> new RoutesTest();
        };
    CommandLine line = new CommandLine(command).setOut(out).setErr(err);
    line.setExecutionExceptionHandler(
        (failure, commandLine, parsed) -> {
          commandLine.getErr().println(args[0] + ": " + failure.getMessage());
          return 1;
        });
    return line.execute(Arrays.copyOfRange(args, 1, args.length));
  }

  /** Where the server is and the key to use. */
  static final class Server {
    @Option(
        names = "--url",
        defaultValue = "${env:KLAXON_URL:-http://127.0.0.1:8080}",
        description = "the running Klaxon server (default: $KLAXON_URL or ${DEFAULT-VALUE})")
    String url = "http://127.0.0.1:8080";

    @Option(
        names = "--key-file",
        description = "a file holding an API key with the admin scope (default: $KLAXON_API_KEY)")
    @Nullable Path keyFile;

    HttpResponse<String> send(String path, @Nullable String contentType, @Nullable String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url.replaceFirst("/+$", "") + path))
              .timeout(Duration.ofMinutes(2));
      String key =
          keyFile != null ? Files.readString(keyFile).strip() : System.getenv("KLAXON_API_KEY");
      if (key != null && !key.isBlank()) {
        request.header("Authorization", "Bearer " + key);
      }
      if (body == null) {
        request.GET();
      } else {
        request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
      }
      try (HttpClient client = HttpClient.newHttpClient()) {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      }
    }
  }

  /** Prints a refusal's faults, one per line; answers the exit code 1. */
  static int refused(HttpResponse<String> response, PrintWriter err) {
    String body = response.body();
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem.path("errors").isArray() && !problem.path("errors").isEmpty()) {
        for (JsonNode error : problem.path("errors")) {
          err.println(error.path("field").asString() + ": " + error.path("reason").asString());
        }
        return 1;
      }
      err.println(problem.path("detail").asString(body));
    } catch (RuntimeException e) {
      err.println("HTTP " + response.statusCode() + ": " + body);
    }
    return 1;
  }

  @Command(
      name = "import-alertmanager",
      mixinStandardHelpOptions = true,
      description =
          "Import an alertmanager.yml into a running Klaxon: receivers, routes, global settings."
              + " All or nothing; lists every element not taken.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", description = "the alertmanager.yml")
    Path file = Path.of("alertmanager.yml");

    @Option(names = "--dry-run", description = "print what would be done; change nothing")
    boolean dryRun;

    @Mixin Server server = new Server();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      // The launcher changes to its own directory; a relative file is where the user started it.
      String started = System.getenv("KLAXON_CWD");
      Path absolute =
          (started == null || file.isAbsolute() ? file : Path.of(started).resolve(file))
              .toAbsolutePath();
      String base = absolute.getParent() == null ? "" : absolute.getParent().toString();
      HttpResponse<String> response =
          server.send(
              "/api/config/alertmanager?dryRun="
                  + dryRun
                  + "&baseDir="
                  + URLEncoder.encode(base, StandardCharsets.UTF_8),
              "application/yaml",
              Files.readString(absolute));
      if (response.statusCode() != 200) {
        return refused(response, err);
      }
      JsonNode result = JSON.readTree(response.body());
      out.println(
          (dryRun ? "Would import " : "Imported ")
              + result.path("receivers").size()
              + " receivers and "
              + result.path("routes").size()
              + " routes from "
              + file);
      for (JsonNode route : result.path("routes")) {
        out.println(
            "  route "
                + route.path("name").asString()
                + (route.path("parent").isMissingNode()
                    ? ""
                    : " under " + route.path("parent").asString())
                + " -> "
                + route.path("alertmanagerReceiver").asString()
                + " "
                + route.path("receivers"));
      }
      for (JsonNode removed : result.path("removedRoutes")) {
        out.println((dryRun ? "  would remove route " : "  removed route ") + removed.asString());
      }
      for (JsonNode interval : result.path("timeIntervals")) {
        out.println("  time interval " + interval.path("name").asString());
      }
      for (JsonNode removed : result.path("removedTimeIntervals")) {
        out.println(
            (dryRun ? "  would remove time interval " : "  removed time interval ")
                + removed.asString());
      }
      for (JsonNode rule : result.path("inhibitRules")) {
        out.println(
            "  inhibition rule "
                + rule.path("name").asString()
                + ": "
                + rule.path("sourceMatchers").asString()
                + " inhibits "
                + rule.path("targetMatchers").asString()
                + " equal "
                + rule.path("equal"));
      }
      for (JsonNode removed : result.path("removedInhibitRules")) {
        out.println(
            (dryRun ? "  would remove inhibition rule " : "  removed inhibition rule ")
                + removed.asString());
      }
      JsonNode notTaken = result.path("notTaken");
      out.println(notTaken.isEmpty() ? "Everything was taken." : "Not taken:");
      for (JsonNode item : notTaken) {
        out.println("  " + item.path("path").asString() + ": " + item.path("reason").asString());
      }
      return 0;
    }
  }

  @Command(
      name = "export-alertmanager",
      mixinStandardHelpOptions = true,
      description = "Print the routes and receivers of a running Klaxon as an alertmanager.yml.")
  static final class Export implements Callable<Integer> {
    @Mixin Server server = new Server();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      HttpResponse<String> response = server.send("/api/config/alertmanager", null, null);
      if (response.statusCode() != 200) {
        return refused(response, spec.commandLine().getErr());
      }
      spec.commandLine().getOut().print(response.body());
      return 0;
    }
  }

  @Command(
      name = "routes-test",
      mixinStandardHelpOptions = true,
      description =
          "Print the receivers an alert with these labels reaches, as amtool config routes test"
              + " does; with --verbose each route and its group key.")
  static final class RoutesTest implements Callable<Integer> {
    @Parameters(description = "labels as name=value")
    List<String> labels = List.of();

    @Option(names = "--verbose", description = "print each route taken and its group key")
    boolean verbose;

    @Mixin Server server = new Server();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Map<String, String> given = new LinkedHashMap<>();
      for (String label : labels) {
        int equals = label.indexOf('=');
        if (equals <= 0) {
          spec.commandLine().getErr().println("routes-test: '" + label + "' is not name=value");
          return 2;
        }
        given.put(label.substring(0, equals), label.substring(equals + 1));
      }
      HttpResponse<String> response =
          server.send(
              "/api/routes/test",
              "application/json",
              JSON.writeValueAsString(Map.of("labels", given)));
      if (response.statusCode() != 200) {
        return refused(response, spec.commandLine().getErr());
      }
      JsonNode answer = JSON.readTree(response.body());
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder receivers = new StringBuilder();
      for (JsonNode receiver : answer.path("receivers")) {
        receivers.append(receivers.isEmpty() ? "" : ",").append(receiver.asString());
      }
      out.println(receivers);
      if (verbose) {
        for (JsonNode route : answer.path("routes")) {
          out.println(
              "  " + route.path("route").asString() + "  " + route.path("groupKey").asString());
        }
      }
      return 0;
    }
  }
}
