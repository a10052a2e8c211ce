package io.klaxon.server.security;

import io.klaxon.access.Actor;
import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.access.Scope;
import io.klaxon.server.problem.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creates, lists and revokes API keys; the secret is in the answer to create, and only there. */
@RestController
@RequestMapping("/api/keys")
@Tag(name = "keys")
class KeyController {

  /** The body of a create: a name, its scopes' words and an optional expiry. */
  record KeyRequest(
      @Nullable String name, @Nullable List<String> scopes, @Nullable Instant expiresAt) {}

  /** A key as listed: never its secret nor its hash. */
  record KeyView(
      String id,
      String name,
      List<String> scopes,
      Instant createdAt,
      String createdBy,
      @Nullable Instant expiresAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {
    static KeyView of(ApiKey key) {
      return new KeyView(
          key.id(),
          key.name(),
          words(key.scopes()),
          key.createdAt(),
          key.createdBy(),
          key.expiresAt(),
          key.lastUsedAt(),
          key.revokedAt());
    }
  }

  /** The answer to a create: the key's fields and its text, shown this once. */
  record CreatedKey(
      String id, String name, List<String> scopes, @Nullable Instant expiresAt, String key) {}

  private final KeyRing ring;
  private final KeyAuthenticator authenticator;

  KeyController(KeyRing ring, KeyAuthenticator authenticator) {
    this.ring = ring;
    this.authenticator = authenticator;
  }

  @PostMapping
  @Operation(
      summary = "Create an API key; answers 201 with its text, which is never shown again",
      description = "scopes: any of read, ingest, operate, admin (admin includes the others).")
  ResponseEntity<CreatedKey> create(@RequestBody KeyRequest body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    errors.require("name", body.name());
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    if (body.scopes() == null || body.scopes().isEmpty()) {
      errors.add("scopes", "is required: one or more of read, ingest, operate, admin");
    } else {
      for (int i = 0; i < body.scopes().size(); i++) {
        String word = body.scopes().get(i);
        String field = "scopes[" + i + "]";
        if (word == null) {
          errors.add(field, "must be one of read, ingest, operate, admin");
          continue;
        }
        Scope scope = errors.attempt("", () -> Scope.of(field, word));
        if (scope != null) {
          scopes.add(scope);
        }
      }
    }
    errors.throwIfAny();
    KeyRing.Issued issued =
        ring.create(Objects.requireNonNull(body.name()), scopes, body.expiresAt(), actor);
    ApiKey key = issued.key();
    return ResponseEntity.created(URI.create("/api/keys/" + key.id()))
        .body(
            new CreatedKey(
                key.id(), key.name(), words(key.scopes()), key.expiresAt(), issued.text()));
  }

  @GetMapping
  @Operation(summary = "Every key, revoked ones too, without secrets")
  List<KeyView> list() {
    return ring.list().stream().map(KeyView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One key, without its secret")
  KeyView get(@PathVariable String id) {
    return KeyView.of(ring.get(id));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a key: it stops working at once; it stays listed as revoked")
  ResponseEntity<Void> revoke(@PathVariable String id) {
    ring.revoke(id);
    authenticator.forgetAll();
    return ResponseEntity.noContent().build();
  }

  private static List<String> words(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::word).toList();
  }
}
