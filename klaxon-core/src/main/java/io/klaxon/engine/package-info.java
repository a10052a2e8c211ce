/** The alert engine: the one write path, applying commands with de-duplication by fingerprint. */
@NullMarked
package io.klaxon.engine;

import org.jspecify.annotations.NullMarked;
