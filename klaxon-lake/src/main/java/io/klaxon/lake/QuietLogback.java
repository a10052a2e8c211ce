package io.klaxon.lake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logback's defaults for a program that configured none: Delta Kernel, Parquet and Hadoop, which
 * the Delta store brings, at WARN, Klaxon at INFO.
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
          "io.delta", Level.WARN,
          // Kernel warns of a missing checkpoint on every read of a young table: expected.
          "io.delta.kernel.internal.snapshot.SnapshotManager", Level.ERROR,
          "org.apache.parquet", Level.WARN,
          "org.apache.hadoop", Level.WARN,
          // Hadoop warns that its native library is missing: Klaxon does not use it.
          "org.apache.hadoop.util.NativeCodeLoader", Level.ERROR,
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
