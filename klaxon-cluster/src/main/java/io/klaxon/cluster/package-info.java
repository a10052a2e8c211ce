/**
 * Cluster mode: several instances over Apache Kafka (the command topic, partition assignment,
 * request and reply) and PostgreSQL (alerts, partition epochs and offsets).
 */
@NullMarked
package io.klaxon.cluster;

import org.jspecify.annotations.NullMarked;
