/** On-call in the server: acknowledge links and their pages. */
@NullMarked
package io.klaxon.server.oncall;

import org.jspecify.annotations.NullMarked;
