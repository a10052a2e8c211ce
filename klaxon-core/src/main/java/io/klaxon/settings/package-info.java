/** Settings changed at run time through the API, with the history of every change. */
@NullMarked
package io.klaxon.settings;

import org.jspecify.annotations.NullMarked;
