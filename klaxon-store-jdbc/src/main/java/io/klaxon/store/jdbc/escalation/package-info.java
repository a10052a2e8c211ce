/** Escalations on SQLite and PostgreSQL (migration V31). */
@NullMarked
package io.klaxon.store.jdbc.escalation;

import org.jspecify.annotations.NullMarked;
