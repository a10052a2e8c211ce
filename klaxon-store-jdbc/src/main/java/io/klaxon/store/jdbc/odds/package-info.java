/** The odds detector's tables beside the alerts: the price points of issue 18. */
@NullMarked
package io.klaxon.store.jdbc.odds;

import org.jspecify.annotations.NullMarked;
