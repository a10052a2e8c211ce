/**
 * The market mapping registry (seed 003): canonical markets and the ids each source (bookmaker)
 * gives them, the audit log of every change, and the log of markets seen with no mapping. {@link
 * io.klaxon.mapping.MappingRegistry} answers lookups from memory; {@link
 * io.klaxon.mapping.MappingStore} is the port to where mappings are kept.
 */
@NullMarked
package io.klaxon.mapping;

import org.jspecify.annotations.NullMarked;
