/** Bookmaker odds arriving over HTTP and watched for risk (seeds 000, 001). */
@NullMarked
package io.klaxon.server.odds;

import org.jspecify.annotations.NullMarked;
