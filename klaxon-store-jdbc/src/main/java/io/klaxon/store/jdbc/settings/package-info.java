/** Settings kept in the database (the odds desk's alert settings), on SQLite and PostgreSQL. */
@NullMarked
package io.klaxon.store.jdbc.settings;

import org.jspecify.annotations.NullMarked;
