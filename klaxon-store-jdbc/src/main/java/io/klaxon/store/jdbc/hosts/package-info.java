/** The servers Klaxon watches, their states and settings, on SQLite and PostgreSQL. */
@NullMarked
package io.klaxon.store.jdbc.hosts;

import org.jspecify.annotations.NullMarked;
