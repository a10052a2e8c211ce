/** The Spring Boot service: wiring, configuration and the engine's lifecycle. */
@NullMarked
package io.klaxon.server;

import org.jspecify.annotations.NullMarked;
