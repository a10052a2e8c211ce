package io.klaxon.server.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The expiry job's schedule ({@code klaxon.housekeeping.*}).
 *
 * @param interval time between rounds: an alert expires at most this long after its deadline
 */
@ConfigurationProperties("klaxon.housekeeping")
record HousekeepingProperties(@DefaultValue("15s") Duration interval) {}
