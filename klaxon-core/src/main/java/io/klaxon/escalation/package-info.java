/**
 * Escalation: policies that notify receivers, people and whoever is on call step by step while an
 * alert stays open and unacknowledged, and the state of each running escalation.
 */
@NullMarked
package io.klaxon.escalation;

import org.jspecify.annotations.NullMarked;
