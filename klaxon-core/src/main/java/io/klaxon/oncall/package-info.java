/** On-call: acknowledging from a notification's signed link (schedules and escalation to come). */
@NullMarked
package io.klaxon.oncall;

import org.jspecify.annotations.NullMarked;
