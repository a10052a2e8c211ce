/**
 * Host health (seed 002): servers, their metric samples and heartbeats, and the detector that turns
 * them into alerts. Per server and check an {@link io.klaxon.detect.hosts.AlertState} is kept apart
 * from the alerts; the rules are pure functions of (state, signal, settings, now).
 */
@NullMarked
package io.klaxon.detect.hosts;

import org.jspecify.annotations.NullMarked;
