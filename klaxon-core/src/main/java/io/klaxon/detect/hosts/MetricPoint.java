package io.klaxon.detect.hosts;

import java.time.Instant;

/**
 * A metric over one step of a {@link MetricQuery}: the lowest, average and highest value of the
 * samples observed in it.
 *
 * @param at the start of the step
 * @param samples how many samples it holds (a one-minute row counts all it was rolled from)
 */
public record MetricPoint(Instant at, double min, double avg, double max, long samples) {}
