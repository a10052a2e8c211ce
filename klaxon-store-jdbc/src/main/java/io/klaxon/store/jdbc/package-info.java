/**
 * The alert store on SQLite and PostgreSQL: jOOQ queries without code generation, Flyway migrations
 * per dialect, and the differences between the two in {@link Dialect}.
 */
@NullMarked
package io.klaxon.store.jdbc;

import org.jspecify.annotations.NullMarked;
