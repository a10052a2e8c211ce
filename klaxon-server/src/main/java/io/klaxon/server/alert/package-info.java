/** The alert API and its query parameters. */
@NullMarked
package io.klaxon.server.alert;

import org.jspecify.annotations.NullMarked;
