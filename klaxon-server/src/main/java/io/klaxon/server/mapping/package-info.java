/**
 * The market mapping registry's REST API ({@code /api/mappings}, {@code /api/unmapped}) and its
 * wiring; see docs/MAPPINGS.md.
 */
@NullMarked
package io.klaxon.server.mapping;

import org.jspecify.annotations.NullMarked;
