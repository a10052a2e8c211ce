package io.klaxon.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-key token buckets (Bucket4j), one for ingest and one for the rest of the API: past its bucket
 * a key gets 429 with {@code Retry-After}. Requests without a key (open paths) are not counted
 * here.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private final SecurityProperties.RateLimit limits;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  RateLimitFilter(SecurityProperties.RateLimit limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!limits.enabled() || !(authentication instanceof KeyAuthentication key)) {
      chain.doFilter(request, response);
      return;
    }
    boolean ingest = ScopeRules.isIngest(request.getMethod(), request.getRequestURI());
    Bucket bucket =
        buckets.get(key.keyId() + (ingest ? "/ingest" : "/api"), name -> bucket(ingest));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    response.setHeader("Retry-After", Long.toString(seconds));
    ProblemResponses.write(
        request,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "this key sent more "
            + (ingest ? "ingest" : "API")
            + " requests than its limit of "
            + (ingest ? limits.ingestPerSecond() : limits.apiPerSecond())
            + " a second; retry after "
            + seconds
            + " s");
  }

  private Bucket bucket(boolean ingest) {
    long perSecond = ingest ? limits.ingestPerSecond() : limits.apiPerSecond();
    long burst = ingest ? limits.ingestBurst() : limits.apiBurst();
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .build();
  }
}
