package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.access.KeyStore;
import io.klaxon.access.Scope;
import io.klaxon.access.SecretHasher;
import io.klaxon.problem.Unavailable;
import io.klaxon.server.security.AdminKeyBootstrapTest.ListedKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-request key check: a text that matched a key is not hashed again when its trust expires,
 * but the key is read again, so a revoke still takes effect. A zero time-to-live makes every call
 * an expired one.
 */
class KeyAuthenticatorTest {

  /** Counts the slow hash's checks; the hash itself is a plain prefix, enough for the rules. */
  static final class CountingHasher implements SecretHasher {
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(String secret) {
      return "hashed:" + secret;
    }

    @Override
    public boolean matches(String secret, String hash) {
      checks.incrementAndGet();
      return hash.equals("hashed:" + secret);
    }
  }

  /** The listed keys, or a store that cannot be reached while {@code away}. */
  static final class AwayKeys implements KeyStore {
    final ListedKeys keys;
    volatile boolean away;

    AwayKeys(ListedKeys keys) {
      this.keys = keys;
    }

    private <T> T reach(java.util.function.Supplier<T> work) {
      if (away) {
        throw new Unavailable("the key store cannot be reached");
      }
      return work.get();
    }

    @Override
    public void add(ApiKey key) {
      reach(
          () -> {
            keys.add(key);
            return key;
          });
    }

    @Override
    public Optional<ApiKey> find(String id) {
      return reach(() -> keys.find(id));
    }

    @Override
    public List<ApiKey> list() {
      return reach(keys::list);
    }

    @Override
    public boolean revoke(String id, Instant at) {
      return reach(() -> keys.revoke(id, at));
    }

    @Override
    public void touch(String id, Instant at) {
      reach(
          () -> {
            keys.touch(id, at);
            return id;
          });
    }

    @Override
    public int countUsable(Instant now) {
      return reach(() -> keys.countUsable(now));
    }
  }

  private final ListedKeys store = new ListedKeys();
  private final AwayKeys reachable = new AwayKeys(store);
  private final CountingHasher hasher = new CountingHasher();
  private final KeyRing ring = new KeyRing(reachable, hasher, InstantSource.system());
  private final KeyAuthenticator authenticator = new KeyAuthenticator(ring, Duration.ZERO);

  @Test
  void authenticate_whileTheStoreIsAway_trustsAKeyVerifiedBeforeAndRefusesANewOneWith503() {
    KeyRing.Issued issued = ring.create("ingest", Set.of(Scope.INGEST), null, Actor.of("test"));
    KeyRing.Issued other = ring.create("other", Set.of(Scope.INGEST), null, Actor.of("test"));
    assertThat(authenticator.authenticate(issued.text())).isPresent();

    reachable.away = true;

    assertThat(authenticator.authenticate(issued.text()))
        .map(ApiKey::id)
        .contains(issued.key().id());
    assertThatThrownBy(() -> authenticator.authenticate(other.text()))
        .isInstanceOf(Unavailable.class);
    reachable.away = false;
    assertThat(authenticator.authenticate(other.text())).isPresent();
  }

  @Test
  void authenticate_afterTheTrustExpired_readsTheKeyAgainWithoutTheSlowHash() {
    KeyRing.Issued issued = ring.create("ingest", Set.of(Scope.INGEST), null, Actor.of("test"));

    for (int i = 0; i < 5; i++) {
      assertThat(authenticator.authenticate(issued.text()))
          .map(ApiKey::id)
          .contains(issued.key().id());
    }

    assertThat(hasher.checks).hasValue(1);
  }

  @Test
  void authenticate_ofAKeyRevokedAfterItWasVerified_isRefused() {
    KeyRing.Issued issued = ring.create("ingest", Set.of(Scope.INGEST), null, Actor.of("test"));
    assertThat(authenticator.authenticate(issued.text())).isPresent();

    ApiKey key = store.keys.getFirst();
    store.keys.set(
        0,
        new ApiKey(
            key.id(),
            key.name(),
            key.scopes(),
            key.secretHash(),
            key.createdAt(),
            key.createdBy(),
            key.expiresAt(),
            key.lastUsedAt(),
            Instant.now()));

    assertThat(authenticator.authenticate(issued.text())).isEmpty();
  }

  @Test
  void authenticate_ofAWrongSecretForAKnownKey_isRefusedEveryTime() {
    KeyRing.Issued issued = ring.create("ingest", Set.of(Scope.INGEST), null, Actor.of("test"));
    String text = issued.text();
    String wrong = text.substring(0, text.length() - 1) + (text.endsWith("a") ? "b" : "a");
    assertThat(authenticator.authenticate(issued.text())).isPresent();

    assertThat(authenticator.authenticate(wrong)).isEmpty();
    assertThat(authenticator.authenticate(wrong)).isEmpty();
    assertThat(authenticator.authenticate(issued.text())).isPresent();
  }
}
