/** The JSON text of an alert's attributes and history changes, the same in every store. */
@NullMarked
package io.klaxon.json;

import org.jspecify.annotations.NullMarked;
