package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.access.KeyStore;
import io.klaxon.access.KeyText;
import io.klaxon.access.Scope;
import io.klaxon.server.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first admin key: made once, written for the owner only, or taken from the configuration. */
class AdminKeyBootstrapTest {

  @TempDir Path dataDir;

  /** Keys in a list: the ring's rules, not the database, are under test here. */
  static final class ListedKeys implements KeyStore {
    final List<ApiKey> keys = new ArrayList<>();

    @Override
    public void add(ApiKey key) {
      keys.add(key);
    }

    @Override
    public Optional<ApiKey> find(String id) {
      return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    @Override
    public List<ApiKey> list() {
      return List.copyOf(keys);
    }

    @Override
    public boolean revoke(String id, Instant at) {
      return false;
    }

    @Override
    public void touch(String id, Instant at) {}

    @Override
    public int countUsable(Instant now) {
      return (int) keys.stream().filter(key -> key.usableAt(now)).count();
    }
  }

  private final ListedKeys store = new ListedKeys();
  private final KeyRing ring = new KeyRing(store, new BcryptHasher(), InstantSource.system());

  @Test
  void withNoKeyAnAdminKeyIsMadeAndWrittenForTheOwnerOnlyOnce() throws IOException {
    AdminKeyBootstrap.run(ring, null, dataDir);

    Path file = dataDir.resolve("admin.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String text = Files.readString(file).strip();
    assertThat(ring.verify(text)).map(ApiKey::scopes).contains(Set.of(Scope.ADMIN));
    assertThat(ring.verify(text)).map(ApiKey::name).contains("admin");

    AdminKeyBootstrap.run(ring, null, dataDir);
    assertThat(store.keys).hasSize(1);
    assertThat(Files.readString(file).strip()).isEqualTo(text);
  }

  @Test
  void aConfiguredKeyIsStoredInsteadAndNoFileIsWritten() {
    AdminKeyBootstrap.run(ring, Api.ADMIN_KEY, dataDir);
    AdminKeyBootstrap.run(ring, Api.ADMIN_KEY, dataDir);

    assertThat(store.keys).hasSize(1);
    assertThat(store.keys.get(0).id()).isEqualTo(KeyText.parse(Api.ADMIN_KEY).orElseThrow().id());
    assertThat(ring.verify(Api.ADMIN_KEY)).isPresent();
    assertThat(dataDir.resolve("admin.key")).doesNotExist();
  }
}
