package io.klaxon.server.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** What the console needs of Spring MVC beyond its controllers. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ConsolePath());
  }

  /**
   * Keeps Thymeleaf's resource URL rewriting off. It comes on because a webjar locator is on the
   * class path (springdoc's), and then every link a page writes is looked up as a static resource
   * in the jar: a quarter of the board's render time, measured (BENCHMARKS.md). The console links
   * its scripts by their versioned webjar paths and needs no rewriting.
   */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }
}
