package io.klaxon.lake;

import java.time.Duration;

/**
 * What one compaction of a Delta table did: the live data files before and after, and the rows
 * rewritten.
 *
 * @param version the table version the compaction committed; the version read when it had nothing
 *     to do
 */
public record Compaction(int filesBefore, int filesAfter, long rows, long version, Duration took) {}
