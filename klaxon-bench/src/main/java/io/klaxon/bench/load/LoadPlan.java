package io.klaxon.bench.load;

import java.time.Duration;

/**
 * One run of the load generator, as validated from the command line.
 *
 * @param units events to send (alerts for seed); {@link Long#MAX_VALUE} to run until the deadline
 * @param events how many football events the odds scenario quotes
 * @param limit when the run stops whatever is left: the --duration, or the --max-time safety cap
 */
record LoadPlan(
    Scenario scenario,
    long units,
    Duration limit,
    int batch,
    int concurrency,
    int fingerprints,
    String tag,
    int events) {}
