/** Trading decisions arriving over HTTP and turned into alerts (seed 004). */
@NullMarked
package io.klaxon.server.decisions;

import org.jspecify.annotations.NullMarked;
