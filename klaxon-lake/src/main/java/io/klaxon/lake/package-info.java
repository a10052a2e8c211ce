/**
 * Klaxon on Delta Lake, written and read with Delta Kernel: {@link io.klaxon.lake.AlertChangeTable}
 * (every committed alert change as a row, for analytics) and {@link io.klaxon.lake.DeltaAlertStore}
 * (an {@link io.klaxon.store.AlertStore} whose every version of every alert is a row of a Delta
 * table).
 */
@NullMarked
package io.klaxon.lake;

import org.jspecify.annotations.NullMarked;
