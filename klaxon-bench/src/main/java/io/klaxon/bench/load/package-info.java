/** A load generator that drives a running Klaxon server over HTTP on this machine only. */
@NullMarked
package io.klaxon.bench.load;

import org.jspecify.annotations.NullMarked;
