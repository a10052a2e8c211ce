/**
 * Who may do what over HTTP: API keys sent as {@code Authorization: Bearer} or {@code X-API-Key},
 * the one table of scope rules, browser sign-in with a key, actor attribution, per-key rate limits,
 * the first admin key, and the {@code keys} command line. See docs/SECURITY.md.
 */
@NullMarked
package io.klaxon.server.security;

import org.jspecify.annotations.NullMarked;
