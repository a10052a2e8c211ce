/** Silences (and later maintenance windows, inhibition rules and snoozes): API and wiring. */
@NullMarked
package io.klaxon.server.suppress;

import org.jspecify.annotations.NullMarked;
