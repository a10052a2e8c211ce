/** Ports to where alerts are kept; adapters (JDBC, Delta Lake) implement them. */
@NullMarked
package io.klaxon.store;

import org.jspecify.annotations.NullMarked;
