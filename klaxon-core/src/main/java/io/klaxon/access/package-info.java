/**
 * Who may use Klaxon: API keys with scopes, their format, issue, verification and revocation, and
 * the port where they are kept. Only a slow hash of each key's secret is ever stored.
 */
@NullMarked
package io.klaxon.access;

import org.jspecify.annotations.NullMarked;
