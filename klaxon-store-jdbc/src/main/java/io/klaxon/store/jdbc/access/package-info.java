/** API keys, stored as hashes, on SQLite and PostgreSQL. */
@NullMarked
package io.klaxon.store.jdbc.access;

import org.jspecify.annotations.NullMarked;
