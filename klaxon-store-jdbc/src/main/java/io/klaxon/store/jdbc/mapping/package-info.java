/**
 * The mappings of alert sources to subjects, their audit and the unmapped sightings, on SQLite and
 * PostgreSQL.
 */
@NullMarked
package io.klaxon.store.jdbc.mapping;

import org.jspecify.annotations.NullMarked;
