/**
 * The host health API: servers ({@code /api/servers}), their signals ({@code /api/signals/metrics},
 * {@code /api/signals/heartbeats}), alert states and settings ({@code /api/settings/hosts}), and
 * the scheduled offline check, around the core's {@link io.klaxon.detect.hosts.HostMonitor}.
 */
@NullMarked
package io.klaxon.server.hosts;

import org.jspecify.annotations.NullMarked;
