package io.klaxon.detect.hosts;

import io.klaxon.alert.Alert;
import io.klaxon.engine.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * One change the detector made to an alert: which check, what happened, and the alert after it
 * (null when there was no active alert to resolve).
 */
public record HostAlertChange(StateKey key, Outcome outcome, @Nullable Alert alert) {}
