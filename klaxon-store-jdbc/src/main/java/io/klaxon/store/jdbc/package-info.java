/**
 * The JDBC store's shared kernel: the differences between SQLite and PostgreSQL in {@link Dialect}
 * (jOOQ queries without code generation, Flyway migrations per dialect), failures, batching, JSON
 * and columns; each feature's store lives in a sub-package.
 */
@NullMarked
package io.klaxon.store.jdbc;

import org.jspecify.annotations.NullMarked;
