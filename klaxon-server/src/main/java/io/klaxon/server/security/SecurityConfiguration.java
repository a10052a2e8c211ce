package io.klaxon.server.security;

import io.klaxon.access.KeyRing;
import io.klaxon.access.KeyStore;
import io.klaxon.server.KlaxonProperties;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.access.JdbcKeyStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Wires API keys and the filter chain: key header authentication, the scope rules of {@link
 * ScopeRules}, sessions for the console with CSRF protection on their forms, security headers,
 * per-key rate limits and the actor of every request. With {@code klaxon.security.enabled=false}
 * everything is open, which Klaxon allows only on a loopback address.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Scripts, styles and frames only from Klaxon itself: no inline code, no framing. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** The key store; its table exists once the alert store has migrated the schema. */
  @Bean
  KeyStore keyStore(DataSource dataSource, AlertStore migrated) {
    return JdbcKeyStore.open(dataSource);
  }

  @Bean
  KeyRing keyRing(
      KeyStore store, InstantSource clock, SecurityProperties security, KlaxonProperties klaxon) {
    KeyRing ring = new KeyRing(store, new BcryptHasher(), clock);
    if (security.enabled()) {
      AdminKeyBootstrap.run(ring, security.bootstrapKey(), klaxon.dataDir());
    }
    return ring;
  }

  @Bean
  KeyAuthenticator keyAuthenticator(KeyRing ring, SecurityProperties security) {
    return new KeyAuthenticator(ring, security.keyCacheTtl());
  }

  /**
   * Spring Security observes nothing (management.observations.enable.spring.security=false only
   * drops the observations after they are made): without this, every filter of every request was
   * still wrapped, and its observation created and refused, a dozen times a request.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * No username/password users yet: keys are the only credentials (and keeps Boot's default user
   * away).
   */
  @Bean
  UserDetailsService noUsers() {
    return username -> {
      throw new UsernameNotFoundException("Klaxon signs in with API keys only");
    };
  }

  @Bean
  SecurityFilterChain klaxonFilterChain(
      HttpSecurity http,
      SecurityProperties security,
      KeyAuthenticator authenticator,
      Environment environment)
      throws Exception {
    http.httpBasic(AbstractHttpConfigurer::disable).formLogin(AbstractHttpConfigurer::disable);
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    if (!security.enabled()) {
      requireLoopback(environment.getProperty("server.address"));
      return http.csrf(AbstractHttpConfigurer::disable)
          .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
          .build();
    }
    http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
    http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));
    http.exceptionHandling(
        handling ->
            handling
                .authenticationEntryPoint(
                    (request, response, refused) -> {
                      if (wantsPage(request)) {
                        response.sendRedirect(request.getContextPath() + "/login");
                      } else {
                        ProblemResponses.unauthorized(
                            request,
                            response,
                            "an API key is needed: send 'Authorization: Bearer <key>' or"
                                + " 'X-API-Key: <key>'");
                      }
                    })
                .accessDeniedHandler(
                    (request, response, denied) ->
                        ProblemResponses.write(
                            request,
                            response,
                            HttpStatus.FORBIDDEN,
                            denied instanceof CsrfException
                                ? "the form's CSRF token is missing or wrong; reload the page"
                                : "this key's scopes do not allow "
                                    + request.getMethod()
                                    + " "
                                    + request.getRequestURI()
                                    + needed(request))));
    http.authorizeHttpRequests(
        auth -> {
          auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
          for (ScopeRules.Rule rule : ScopeRules.RULES) {
            RequestMatcher matcher =
                PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
            switch (rule.access()) {
              case Access.Open open -> auth.requestMatchers(matcher).permitAll();
              case Access.SignedIn signedIn -> auth.requestMatchers(matcher).authenticated();
              case Access.Needs(var scope) ->
                  auth.requestMatchers(matcher).hasAuthority(KeyAuthentication.authority(scope));
            }
          }
          auth.anyRequest().denyAll();
        });
    http.addFilterBefore(new ApiKeyFilter(authenticator), AnonymousAuthenticationFilter.class);
    http.addFilterAfter(new RateLimitFilter(security.rateLimit()), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * A change needs a CSRF token when a browser could make it on its own: no key header (a header is
   * never sent by a browser unasked) and a session cookie, the only credential a browser sends by
   * itself. Without a session there is nothing to forge, and the request is refused as
   * unauthenticated (401) instead. Sign-in always needs one (no login CSRF).
   */
  private static boolean needsCsrfToken(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod()) || ApiKeyFilter.keyText(request) != null) {
      return false;
    }
    if (request.getRequestURI().startsWith("/ack/")) {
      return false; // the signed link is the credential: a forger would need the signature
    }
    return request.getRequestedSessionId() != null || request.getRequestURI().equals("/login");
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod())
        && !request.getRequestURI().startsWith("/api/")
        && !request.getRequestURI().startsWith("/actuator/")
        && accept != null
        && accept.contains("text/html");
  }

  private static String needed(HttpServletRequest request) {
    return ScopeRules.ruleFor(request.getMethod(), request.getRequestURI())
        .map(
            rule ->
                rule.access() instanceof Access.Needs(var scope)
                    ? " (needs the " + scope.word() + " scope)"
                    : "")
        .orElse(" (no key may)");
  }

  /** Refuses to run open on an address other machines can reach. */
  static void requireLoopback(@Nullable String address) {
    boolean loopback;
    try {
      loopback =
          address != null
              && !address.isBlank()
              && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException(
          "klaxon.security.enabled=false is for local experiments only: it needs server.address"
              + " to be a loopback address such as 127.0.0.1, not "
              + (address == null ? "all addresses" : address));
    }
  }
}
