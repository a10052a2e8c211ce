package io.klaxon.server.security;

import io.klaxon.access.Actor;
import io.klaxon.access.KeyRing;
import io.klaxon.access.KeyText;
import io.klaxon.access.Scope;
import io.klaxon.problem.Conflict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin key, so that a fresh Klaxon is secure and still usable: with no working key, one
 * is made, printed once and written to {@code <data dir>/admin.key} readable by the owner only. A
 * configured {@code klaxon.security.bootstrap-key} is stored instead, when its id is new.
 */
final class AdminKeyBootstrap {

  static final String FILE = "admin.key";
  private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

  private AdminKeyBootstrap() {}

  static void run(KeyRing ring, @Nullable String configured, Path dataDir) {
    if (configured != null && !configured.isBlank()) {
      KeyText text =
          KeyText.parse(configured.strip())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "klaxon.security.bootstrap-key is not a key: expected klx_<id>_<secret>,"
                              + " id 4-32 lowercase letters or digits, secret 20-64 base64url"
                              + " characters"));
      if (!stored(ring, text)) {
        try {
          create(ring, text);
          log.info("Stored the configured bootstrap admin key {}", text);
        } catch (Conflict raced) {
          // Instances of a cluster starting together on a fresh database: one stored it first.
          if (!stored(ring, text)) {
            throw raced;
          }
        }
      }
      return;
    }
    if (ring.anyUsable()) {
      return;
    }
    KeyText text = KeyText.random();
    create(ring, text);
    Path file = dataDir.resolve(FILE).toAbsolutePath().normalize();
    writeOwnerOnly(file, text.text());
    System.out.println();
    System.out.println("Klaxon made its first admin key (shown this once, also in " + file + "):");
    System.out.println();
    System.out.println("    " + text.text());
    System.out.println();
    System.out.println(
        "Send it as 'Authorization: Bearer <key>'; make narrower keys with POST /api/keys.");
    System.out.println();
  }

  private static boolean stored(KeyRing ring, KeyText text) {
    return ring.list().stream().anyMatch(key -> key.id().equals(text.id()));
  }

  private static void create(KeyRing ring, KeyText text) {
    try {
      ring.create(text, "admin", EnumSet.of(Scope.ADMIN), null, Actor.of("bootstrap"));
    } catch (Conflict nameTaken) {
      // An expired key holds the name: the new one is told apart by its id.
      ring.create(text, "admin-" + text.id(), EnumSet.of(Scope.ADMIN), null, Actor.of("bootstrap"));
    }
  }

  /** Writes the key to a file only its owner can read, replacing an older one. */
  static void writeOwnerOnly(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (posix) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      try (Writer out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(text);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin key to " + file, e);
    }
  }
}
