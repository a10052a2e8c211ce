package io.klaxon.store.jdbc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.access.KeyText;
import io.klaxon.access.Scope;
import io.klaxon.access.SecretHasher;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How API keys are kept and verified on every database: the secret never stored, revoked and
 * expired keys refused, names unique among working keys, last use written at most once a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KeyStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** A fast stand-in for the server's password encoder: the store, not the hash, is tested. */
  static final SecretHasher SHA256 =
      new SecretHasher() {
        @Override
        public String hash(String secret) {
          try {
            return "sha256:"
                + HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(StandardCharsets.UTF_8)));
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        }

        @Override
        public boolean matches(String secret, String hash) {
          return hash(secret).equals(hash);
        }
      };

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private @Nullable JdbcKeyStore store;
  private ManualClock clock = new ManualClock(T0);
  private @Nullable KeyRing ring;

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  @BeforeEach
  final void emptyKeys() throws SQLException {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
      store = JdbcKeyStore.open(database.dataSource());
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("delete from api_keys");
    }
    clock = new ManualClock(T0);
    ring = new KeyRing(Objects.requireNonNull(store), SHA256, clock);
  }

  @AfterAll
  final void closeDatabase() {
    shared.close();
  }

  private KeyRing ring() {
    return Objects.requireNonNull(ring);
  }

  private JdbcKeyStore store() {
    return Objects.requireNonNull(store);
  }

  @Test
  void aCreatedKeyIsStoredWithItsFieldsButNotItsSecret() throws SQLException {
    Instant expiry = T0.plus(Duration.ofDays(30));
    KeyRing.Issued issued =
        ring()
            .create(
                "ops-bot", EnumSet.of(Scope.READ, Scope.OPERATE), expiry, Actor.of("key:admin"));

    ApiKey stored = store().find(issued.key().id()).orElseThrow();
    assertThat(stored).isEqualTo(issued.key());
    assertThat(stored.name()).isEqualTo("ops-bot");
    assertThat(stored.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.OPERATE);
    assertThat(stored.expiresAt()).isEqualTo(expiry);
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(stored.createdBy()).isEqualTo("key:admin");
    assertThat(stored.actor()).isEqualTo("key:ops-bot");
    String secret = KeyText.parse(issued.text()).orElseThrow().secret();
    try (Connection connection = shared.get().dataSource().getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("select * from api_keys")) {
      while (rows.next()) {
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
          assertThat(String.valueOf(rows.getObject(column))).doesNotContain(secret);
        }
      }
    }
  }

  @Test
  void theKeyTextVerifiesAndAnyOtherTextDoesNot() {
    KeyRing.Issued issued = ring().create("ci", Set.of(Scope.INGEST), null, Actor.of("cli"));
    KeyText text = KeyText.parse(issued.text()).orElseThrow();

    assertThat(ring().verify(issued.text())).contains(issued.key());
    assertThat(ring().verify(KeyText.PREFIX + text.id() + "_" + "x".repeat(43))).isEmpty();
    assertThat(ring().verify(KeyText.random().text())).isEmpty();
    assertThat(ring().verify("not a key")).isEmpty();
    assertThat(ring().verify("")).isEmpty();
  }

  @Test
  void aRevokedKeyNoLongerVerifiesAndStaysListed() {
    KeyRing.Issued issued = ring().create("ci", Set.of(Scope.INGEST), null, Actor.of("cli"));
    clock.advance(Duration.ofMinutes(5));

    ApiKey revoked = ring().revoke(issued.key().id());

    assertThat(revoked.revokedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(ring().verify(issued.text())).isEmpty();
    assertThat(ring().list()).extracting(ApiKey::id).containsExactly(issued.key().id());
    assertThat(ring().anyUsable()).isFalse();
    // Revoking again changes nothing, and the name is free for a new key.
    assertThat(ring().revoke(issued.key().id()).revokedAt()).isEqualTo(revoked.revokedAt());
    assertThat(ring().create("ci", Set.of(Scope.INGEST), null, Actor.of("cli")).key().name())
        .isEqualTo("ci");
  }

  @Test
  void anExpiredKeyNoLongerVerifies() {
    KeyRing.Issued issued =
        ring().create("temp", Set.of(Scope.READ), T0.plus(Duration.ofHours(1)), Actor.of("cli"));
    assertThat(ring().verify(issued.text())).isPresent();
    assertThat(ring().anyUsable()).isTrue();

    clock.advance(Duration.ofHours(1));

    assertThat(ring().verify(issued.text())).isEmpty();
    assertThat(ring().anyUsable()).isFalse();
  }

  @Test
  void aNameTakenByAWorkingKeyIsAConflict() {
    ring().create("ci", Set.of(Scope.INGEST), null, Actor.of("cli"));

    assertThatThrownBy(() -> ring().create("ci", Set.of(Scope.READ), null, Actor.of("cli")))
        .isInstanceOf(Conflict.class)
        .extracting(e -> ((Conflict) e).field())
        .isEqualTo("name");
    assertThat(ring().list()).hasSize(1);
  }

  @Test
  void badNamesScopesAndExpiriesAreRefusedWithTheirFields() {
    assertThatThrownBy(() -> ring().create("", Set.of(), T0.minusSeconds(1), Actor.of("cli")))
        .isInstanceOf(InvalidInput.class)
        .extracting(
            e -> ((InvalidInput) e).errors().stream().map(InvalidInput.FieldError::field).toList())
        .isEqualTo(java.util.List.of("name", "scopes", "expiresAt"));
    assertThatThrownBy(
            () -> ring().create("a b<script>", Set.of(Scope.READ), null, Actor.of("cli")))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () ->
                ring()
                    .create(
                        "x".repeat(KeyRing.NAME_MAX + 1),
                        Set.of(Scope.READ),
                        null,
                        Actor.of("cli")))
        .isInstanceOf(InvalidInput.class);
    assertThat(ring().list()).isEmpty();
  }

  @Test
  void lastUseIsWrittenAtMostOnceAMinute() {
    KeyRing.Issued issued = ring().create("ci", Set.of(Scope.INGEST), null, Actor.of("cli"));
    String id = issued.key().id();

    ring().used(issued.key());
    assertThat(ring().get(id).lastUsedAt()).isEqualTo(T0);
    clock.advance(Duration.ofSeconds(59));
    ring().used(issued.key());
    assertThat(ring().get(id).lastUsedAt()).isEqualTo(T0);
    clock.advance(Duration.ofSeconds(1));
    ring().used(issued.key());
    assertThat(ring().get(id).lastUsedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
  }

  @Test
  void anUnknownKeyIsNotFound() {
    assertThatThrownBy(() -> ring().revoke("nosuchkey123")).isInstanceOf(NotFound.class);
    assertThat(store().revoke("nosuchkey123", T0)).isFalse();
  }

  @Test
  void aKeyWithAGivenTextVerifiesWithThatText() {
    KeyText text = KeyText.random();
    ring().create(text, "admin", EnumSet.allOf(Scope.class), null, Actor.of("bootstrap"));

    assertThat(ring().verify(text.text())).map(ApiKey::scopes).contains(EnumSet.allOf(Scope.class));
  }
}
