/** The alert store on SQLite and PostgreSQL: alerts, their subjects, history and counts. */
@NullMarked
package io.klaxon.store.jdbc.alert;

import org.jspecify.annotations.NullMarked;
