/**
 * Prometheus Alertmanager compatibility: the v2 API that Prometheus posts to and amtool and Grafana
 * read from, the webhook that an Alertmanager sends to, and the resolve timeout that closes alerts
 * a sender stopped repeating. Every change goes through the alert engine.
 */
@NullMarked
package io.klaxon.server.alertmanager;

import org.jspecify.annotations.NullMarked;
