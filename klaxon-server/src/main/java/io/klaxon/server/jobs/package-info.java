/**
 * Klaxon's own scheduled changes (expiry at the deadline, retention) and the job leases that let
 * only one of several instances on one database run each job at a time.
 */
@NullMarked
package io.klaxon.server.jobs;

import org.jspecify.annotations.NullMarked;
