package io.klaxon.server.alertmanager;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the tests' clock under the engine and the jobs, in place of the system clock. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

  @Bean
  @Primary
  TestClock testClock() {
    return new TestClock();
  }
}
