/** RFC 7807 problem bodies and the checks of request input. */
@NullMarked
package io.klaxon.server.problem;

import org.jspecify.annotations.NullMarked;
