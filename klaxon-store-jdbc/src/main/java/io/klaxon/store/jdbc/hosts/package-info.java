/** The host detector's tables beyond its states: the metric history of issue 18. */
@NullMarked
package io.klaxon.store.jdbc.hosts;

import org.jspecify.annotations.NullMarked;
