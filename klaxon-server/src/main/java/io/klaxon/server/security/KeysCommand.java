package io.klaxon.server.security;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.access.Actor;
import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.access.Scope;
import io.klaxon.problem.KlaxonException;
import io.klaxon.server.KlaxonProperties;
import io.klaxon.server.StoreConfiguration;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.access.JdbcKeyStore;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./klaxon keys create|list|revoke}: API keys on the database the server's settings name
 * ({@code klaxon.*} from application.properties, the environment or {@code --klaxon.…=…}
 * arguments), without starting the server.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke Klaxon API keys (no server needed).",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Callable<Integer> {

  /** Only the settings: no web server, no engine. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(KlaxonProperties.class)
  static class Settings {}

  private @Nullable KeyRing ring;

  /** Runs {@code args} (starting with {@code keys}); answers the exit code. */
  public static int run(String[] args) {
    List<String> settings = new ArrayList<>();
    List<String> command = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      boolean setting =
          arg.startsWith("--klaxon.")
              || arg.startsWith("--spring.")
              || arg.startsWith("--logging.");
      (setting ? settings : command).add(arg);
    }
    KeysCommand keys = new KeysCommand();
    CommandLine line = new CommandLine(keys);
    line.setExecutionExceptionHandler(
        (failure, commandLine, parsed) -> {
          if (failure instanceof KlaxonException refused) {
            commandLine.getErr().println("klaxon keys: " + refused.getMessage());
            return 1;
          }
          throw failure;
        });
    try (ConfigurableApplicationContext context =
            new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=warn")
                .run(settings.toArray(String[]::new));
        HikariDataSource dataSource =
            StoreConfiguration.openDataSource(context.getBean(KlaxonProperties.class))) {
      JdbcAlertStore.open(dataSource, Schema.SERVER);
      keys.ring =
          new KeyRing(JdbcKeyStore.open(dataSource), new BcryptHasher(), InstantSource.system());
      return line.execute(command.toArray(String[]::new));
    }
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 2;
  }

  KeyRing ring() {
    if (ring == null) {
      throw new IllegalStateException("the key ring is opened before a command runs");
    }
    return ring;
  }

  /** {@code keys create --name x --scopes read,ingest [--expires-at 2027-01-01T00:00:00Z]}. */
  @Command(name = "create", description = "Create a key; prints its text once.")
  static final class Create implements Callable<Integer> {
    @CommandLine.ParentCommand KeysCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--name",
        required = true,
        description = "What the key is for; actor key:<name>.")
    String name;

    @Option(
        names = "--scopes",
        required = true,
        description = "Comma separated: read, ingest, operate, admin.")
    String scopes;

    @Option(
        names = "--expires-at",
        description = "An ISO instant, e.g. 2027-01-01T00:00:00Z; none: never.")
    @Nullable Instant expiresAt;

    @Override
    public Integer call() {
      KeyRing.Issued issued =
          parent
              .ring()
              .create(
                  name,
                  Scope.parse("scopes", scopes),
                  expiresAt,
                  Actor.of("cli:" + System.getProperty("user.name")));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Created key "
              + issued.key().id()
              + " ("
              + issued.key().name()
              + ", scopes "
              + Scope.words(issued.key().scopes())
              + "). Its text, shown this once:");
      out.println(issued.text());
      out.flush();
      return 0;
    }
  }

  /** {@code keys list}: every key, without secrets. */
  @Command(name = "list", description = "List every key, revoked ones too, without secrets.")
  static final class ListKeys implements Callable<Integer> {
    @CommandLine.ParentCommand KeysCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      String format = "%-14s %-24s %-28s %-10s %-24s %-24s%n";
      out.printf(format, "ID", "NAME", "SCOPES", "STATE", "EXPIRES", "LAST USED");
      Instant now = Instant.now();
      for (ApiKey key : parent.ring().list()) {
        String state =
            key.revokedAt() != null ? "revoked" : key.usableAt(now) ? "working" : "expired";
        out.printf(
            format,
            key.id(),
            key.name(),
            Scope.words(key.scopes()),
            state,
            key.expiresAt() == null ? "never" : key.expiresAt(),
            key.lastUsedAt() == null ? "never" : key.lastUsedAt());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code keys revoke <id>}. */
  @Command(name = "revoke", description = "Revoke a key by its id.")
  static final class Revoke implements Callable<Integer> {
    @CommandLine.ParentCommand KeysCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "The key's id, as keys list shows it.")
    String id;

    @Override
    public Integer call() {
      ApiKey key = parent.ring().revoke(id);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Revoked key "
              + key.id()
              + " ("
              + key.name()
              + "). A running server stops taking it"
              + " within klaxon.security.key-cache-ttl (30 s by default).");
      out.flush();
      return 0;
    }
  }
}
