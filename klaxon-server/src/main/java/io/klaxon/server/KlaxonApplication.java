package io.klaxon.server;

import io.klaxon.server.notify.AlertmanagerCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Klaxon server: REST API, console and housekeeping around the alert engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KlaxonApplication {

  /**
   * Starts the server, or with {@code keys …} runs the key command line instead (no server), or
   * with {@code import-alertmanager}, {@code export-alertmanager} or {@code routes-test} the
   * Alertmanager configuration commands against a running server.
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("keys")) {
      System.exit(io.klaxon.server.security.KeysCommand.run(args));
    }
    if (args.length > 0 && AlertmanagerCommand.NAMES.contains(args[0])) {
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
      System.exit(AlertmanagerCommand.run(args, out, err));
    }
    SpringApplication.run(KlaxonApplication.class, args);
  }
}
