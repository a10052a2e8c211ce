/**
 * The Delta Lake sink (option {@code klaxon.lake.path}): every committed alert change, read from
 * the change feed, appended to the {@link io.klaxon.lake.AlertChangeTable}; and compaction of that
 * table over HTTP.
 */
@NullMarked
package io.klaxon.server.lake;

import org.jspecify.annotations.NullMarked;
