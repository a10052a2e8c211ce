/** The small family of refusals that the core raises and the edges map to HTTP problems. */
@NullMarked
package io.klaxon.problem;

import org.jspecify.annotations.NullMarked;
