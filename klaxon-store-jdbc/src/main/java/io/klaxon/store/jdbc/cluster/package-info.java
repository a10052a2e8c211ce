/** Cluster mode's tables on PostgreSQL: partition epochs and offsets, alert id blocks. */
@NullMarked
package io.klaxon.store.jdbc.cluster;

import org.jspecify.annotations.NullMarked;
