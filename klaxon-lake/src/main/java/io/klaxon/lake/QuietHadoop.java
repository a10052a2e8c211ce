package io.klaxon.lake;

import java.net.URL;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs Kernel work with Hadoop's XML defaults out of sight. Kernel's Parquet reader and writer make
 * a new Hadoop {@code Configuration} for every file when the file system is not Hadoop's, and each
 * one parses {@code core-default.xml} (thousands of properties) from the thread's context class
 * loader: measured, that parsing was most of the CPU time of a commit. Parquet reads its options
 * with defaults in code and Klaxon uses no Hadoop file system, so nothing needs those files: while
 * Kernel runs, the context class loader answers that they are not there.
 */
final class QuietHadoop {

  private static final Set<String> HIDDEN = Set.of("core-default.xml", "core-site.xml");

  private static final ClassLoader WITHOUT_DEFAULTS =
      new ClassLoader("klaxon-lake-no-hadoop-defaults", QuietHadoop.class.getClassLoader()) {
        @Override
        public @Nullable URL getResource(String name) {
          return HIDDEN.contains(name) ? null : super.getResource(name);
        }
      };

  private QuietHadoop() {}

  static <T> T call(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(WITHOUT_DEFAULTS);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
