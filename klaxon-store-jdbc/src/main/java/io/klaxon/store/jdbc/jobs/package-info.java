/** Leases that let one server at a time run an exclusive job, on SQLite and PostgreSQL. */
@NullMarked
package io.klaxon.store.jdbc.jobs;

import org.jspecify.annotations.NullMarked;
