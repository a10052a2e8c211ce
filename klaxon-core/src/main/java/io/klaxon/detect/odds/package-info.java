/**
 * Odds risk monitoring (seeds 000, 001, 003): a house bookmaker's prices watched against its
 * competitors. {@link io.klaxon.detect.odds.OddsDetector} turns {@link
 * io.klaxon.detect.odds.OddsSnapshot}s into alert commands under {@link
 * io.klaxon.detect.odds.OddsSettings}; it keeps only the look-back window of prices in memory and
 * does no I/O beyond asking the mapping registry for canonical market ids.
 */
@NullMarked
package io.klaxon.detect.odds;

import org.jspecify.annotations.NullMarked;
