/**
 * The web console: server-rendered pages (Thymeleaf, enhanced by htmx) over the same services the
 * REST API uses. Reads go to the stores; every alert action goes through the engine, every mapping
 * change through the mapping registry, settings through the settings service.
 */
@NullMarked
package io.klaxon.server.console;

import org.jspecify.annotations.NullMarked;
