package io.klaxon.store.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logback's defaults for a program that configured none: Flyway, HikariCP, jOOQ and the SQLite
 * driver, which the JDBC store brings, at WARN, Klaxon at INFO.
 *
 * <p>Without a configuration Logback logs everything at DEBUG, tens of thousands of lines from the
 * libraries under Klaxon for a small program. Logback finds this class as a service and runs it
 * before its own configurators; it does nothing when the program has {@code logback.xml}, {@code
 * logback-test.xml} or {@code -Dlogback.configurationFile} (searched exactly as Logback searches),
 * and never touches a logger that already has a level. Logback then goes on as usual (a console
 * appender, the root at DEBUG), so the program's own loggers are as Logback would have them.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class QuietLogback extends ContextAwareBase implements Configurator {

  /** Logger name to level, for these libraries only. */
  static final Map<String, Level> LEVELS =
      Map.of(
          "org.flywaydb", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          "org.jooq", Level.WARN,
          // jOOQ warns on every new connection that PostgreSQL 15 is older than it targets.
          "org.jooq.impl.DefaultExecuteContext.logVersionSupport", Level.ERROR,
          "org.sqlite", Level.WARN,
          "io.klaxon", Level.INFO);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (!configuredByTheProgram(context)) {
      LEVELS.forEach(
          (name, level) -> {
            var logger = context.getLogger(name);
            if (logger.getLevel() == null) {
              logger.setLevel(level);
            }
          });
      addInfo("no Logback configuration: Klaxon's libraries log at " + LEVELS);
    }
    return ExecutionStatus.INVOKE_NEXT_IF_ANY;
  }

  private static boolean configuredByTheProgram(LoggerContext context) {
    DefaultJoranConfigurator joran = new DefaultJoranConfigurator();
    joran.setContext(context);
    return joran.findURLOfDefaultConfigurationFile(false) != null;
  }
}
