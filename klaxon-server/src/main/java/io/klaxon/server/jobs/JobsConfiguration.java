package io.klaxon.server.jobs;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.jobs.JobLock;
import io.klaxon.store.jdbc.jobs.JdbcJobLock;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The job leases, in the alerts' database (table {@code job_leases}). */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

  @Bean
  @DependsOn("alertStore") // its migrations create the leases table
  JobLock jobLock(
      HikariDataSource klaxonDataSource, InstantSource clock, JobsProperties properties) {
    String instance = properties.instance();
    return JdbcJobLock.open(
        klaxonDataSource,
        clock,
        instance == null || instance.isBlank() ? JdbcJobLock.thisInstance() : instance);
  }
}
