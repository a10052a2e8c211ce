package io.klaxon.suppress;

import io.klaxon.alert.SuppressionKind;
import java.time.Instant;

/**
 * Something that suppresses alerts and ends at a known time: a silence, or one occurrence of a
 * maintenance window. Its end is what an expiry notice warns of.
 *
 * @param id the identity its suppressors carry ({@code suppressedBy[].id}): a silence's UUID
 * @param name how people know it, for the notice's title
 * @param description what it matches and why, for the notice's message
 */
public record Ending(
    SuppressionKind kind, String id, String name, String description, Instant endsAt) {

  /** An active silence's end. */
  public static Ending of(Silence silence) {
    String matchers =
        String.join(
            " or ",
            silence.matcherSets().stream()
                .map(
                    set ->
                        "{" + String.join(",", set.stream().map(Object::toString).toList()) + "}")
                .toList());
    return new Ending(
        SuppressionKind.SILENCE,
        silence.uuid(),
        "silence " + silence.id(),
        matchers + " by " + silence.createdBy() + ": " + silence.comment(),
        silence.endsAt());
  }
}
