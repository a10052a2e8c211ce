/**
 * Klaxon as a library: {@link io.klaxon.embed.AlertManager} lets a Java program raise, manage and
 * query alerts in-process, over any {@link io.klaxon.store.AlertStore}, through the same engine as
 * the server.
 */
@NullMarked
package io.klaxon.embed;

import org.jspecify.annotations.NullMarked;
