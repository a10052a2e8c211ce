package io.klaxon.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Klaxon server: REST API, console and housekeeping around the alert engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KlaxonApplication {

  public static void main(String[] args) {
    SpringApplication.run(KlaxonApplication.class, args);
  }
}
