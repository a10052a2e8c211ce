/** Silences, inhibition rules, snoozes and maintenance windows on SQLite and PostgreSQL. */
@NullMarked
package io.klaxon.store.jdbc.suppress;

import org.jspecify.annotations.NullMarked;
