/** In-process measurements of the write path: the writer's CPU and the active index's heap. */
@NullMarked
package io.klaxon.bench.inprocess;

import org.jspecify.annotations.NullMarked;
