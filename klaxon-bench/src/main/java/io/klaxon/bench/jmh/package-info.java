/** JMH benchmarks of the alert engine in-process, with a store that keeps nothing. */
@NullMarked
package io.klaxon.bench.jmh;

import org.jspecify.annotations.NullMarked;
