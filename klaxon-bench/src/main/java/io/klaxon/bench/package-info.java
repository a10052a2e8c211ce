/** The {@code klaxon-bench} command line: load generator, RSS probe and JMH launcher. */
@NullMarked
package io.klaxon.bench;

import org.jspecify.annotations.NullMarked;
