package io.klaxon.access;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API keys: issues them (the secret shown once, only its hash kept), verifies the key text a
 * client sends, revokes them, and records their last use at most once per {@link #TOUCH_EVERY}.
 */
public final class KeyRing {

  /** Longest key name; with its {@code key:} prefix the actor stays well within every limit. */
  public static final int NAME_MAX = 100;

  /** How often a key's last-used time is written at most: a busy key costs no write per request. */
  public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

  /** A newly created key and its text, which exists nowhere else once shown. */
  public record Issued(ApiKey key, String text) {}

  private final KeyStore store;
  private final SecretHasher hasher;
  private final InstantSource clock;
  private final Map<String, Instant> touched = new ConcurrentHashMap<>();

  public KeyRing(KeyStore store, SecretHasher hasher, InstantSource clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
  }

  /**
   * Creates a key with a random secret.
   *
   * @throws InvalidInput for a bad name, no scopes or an expiry not in the future
   * @throws io.klaxon.problem.Conflict when a working key has the name already
   */
  public Issued create(String name, Set<Scope> scopes, @Nullable Instant expiresAt, Actor actor) {
    return create(KeyText.random(), name, scopes, expiresAt, actor);
  }

  /** Creates a key whose text is given (the bootstrap key a test or operator configured). */
  public Issued create(
      KeyText text, String name, Set<Scope> scopes, @Nullable Instant expiresAt, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    if (name.isBlank()) {
      errors.add(new InvalidInput.FieldError("name", "is required and must not be blank"));
    } else if (name.length() > NAME_MAX) {
      errors.add(
          new InvalidInput.FieldError("name", "must be at most " + NAME_MAX + " characters"));
    } else if (!NAME.matcher(name).matches()) {
      errors.add(
          new InvalidInput.FieldError(
              "name",
              "must start with a letter or digit and hold only letters, digits and . _ @ -"));
    }
    if (scopes.isEmpty()) {
      errors.add(new InvalidInput.FieldError("scopes", "must name at least one scope"));
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      errors.add(new InvalidInput.FieldError("expiresAt", "must be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    ApiKey key =
        new ApiKey(
            text.id(),
            name,
            scopes,
            hasher.hash(text.secret()),
            now,
            actor.name(),
            expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
            null,
            null);
    store.add(key);
    return new Issued(key, text.text());
  }

  /** Every key, revoked ones too, oldest first. */
  public List<ApiKey> list() {
    return store.list();
  }

  /**
   * The key with the id.
   *
   * @throws NotFound when there is no key with the id
   */
  public ApiKey get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("key", id));
  }

  /**
   * Revokes the key; revoking a revoked key changes nothing.
   *
   * @return the key as it is now
   * @throws NotFound when there is no key with the id
   */
  public ApiKey revoke(String id) {
    get(id);
    store.revoke(id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    touched.remove(id);
    return get(id);
  }

  /**
   * The key a client's text names, when that key works now and the secret matches; one slow hash at
   * most, and none for text that is not a key or names no key.
   */
  public Optional<ApiKey> verify(String text) {
    Optional<KeyText> parsed = KeyText.parse(text);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApiKey> key = store.find(parsed.get().id());
    if (key.isEmpty() || !key.get().usableAt(clock.instant())) {
      return Optional.empty();
    }
    return hasher.matches(parsed.get().secret(), key.get().secretHash()) ? key : Optional.empty();
  }

  /** Whether the key still works now (it may have expired since it was verified). */
  public boolean usable(ApiKey key) {
    return key.usableAt(clock.instant());
  }

  /** Records a use of the key; writes only when the last write is {@link #TOUCH_EVERY} old. */
  public void used(ApiKey key) {
    Instant now = clock.instant();
    Instant last = touched.get(key.id());
    if (last != null && now.isBefore(last.plus(TOUCH_EVERY))) {
      return;
    }
    touched.put(key.id(), now);
    store.touch(key.id(), now.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Whether any key works now; with none, the server issues a first admin key. */
  public boolean anyUsable() {
    return store.countUsable(clock.instant()) > 0;
  }
}
