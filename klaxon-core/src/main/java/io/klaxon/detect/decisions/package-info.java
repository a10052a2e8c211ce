/**
 * Trading decisions (seed 004): a decision engine's CLOSE, ROLL or HOLD verdict on a position, and
 * how it becomes an alert trigger.
 */
@NullMarked
package io.klaxon.detect.decisions;

import org.jspecify.annotations.NullMarked;
