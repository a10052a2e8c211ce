package io.klaxon.server.jobs;

import java.time.Duration;

/**
 * How long alerts in a final status are kept: the setting in force now ({@code
 * alertRetentionDays}).
 */
public interface RetentionPeriod {

  Duration retention();
}
