/** Cluster mode in the server: its settings, wiring, health and {@code GET /api/cluster}. */
@NullMarked
package io.klaxon.server.cluster;

import org.jspecify.annotations.NullMarked;
