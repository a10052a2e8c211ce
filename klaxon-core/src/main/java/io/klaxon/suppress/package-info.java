/**
 * Suppression: label matchers, silences, maintenance windows, inhibition rules and snoozes, and the
 * evaluator that says what suppresses an alert and until when. Suppression never changes an alert's
 * lifecycle status.
 */
@NullMarked
package io.klaxon.suppress;

import org.jspecify.annotations.NullMarked;
