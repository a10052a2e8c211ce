/** The alert itself: its model, its lifecycle, its history and the questions asked of it. */
@NullMarked
package io.klaxon.alert;

import org.jspecify.annotations.NullMarked;
