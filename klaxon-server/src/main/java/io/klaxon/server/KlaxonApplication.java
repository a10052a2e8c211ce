package io.klaxon.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Klaxon server: REST API, console and housekeeping around the alert engine. */
// Kafka is configured by io.klaxon.server.cluster only in cluster mode; a single node loads none.
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration"
    })
@ConfigurationPropertiesScan
@EnableScheduling
public class KlaxonApplication {

  /** Starts the server, or with {@code keys …} runs the key command line instead (no server). */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("keys")) {
      System.exit(io.klaxon.server.security.KeysCommand.run(args));
    }
    SpringApplication.run(KlaxonApplication.class, args);
  }
}
