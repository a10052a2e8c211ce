/**
 * The servers Klaxon watches, their states and settings, and their metric history (issue 18), on
 * SQLite and PostgreSQL.
 */
@NullMarked
package io.klaxon.store.jdbc.hosts;

import org.jspecify.annotations.NullMarked;
