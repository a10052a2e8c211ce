package io.klaxon.suppress;

import io.klaxon.alert.SuppressionKind;
import java.time.Instant;
import java.util.List;

/**
 * Something that suppresses alerts and ends at a known time: a silence, or one occurrence of a
 * maintenance window. Its end is what an expiry notice warns of.
 *
 * @param id the identity its suppressors carry ({@code suppressedBy[].id}): a silence's UUID, a
 *     window's number
 * @param name how people know it, for the notice's title
 * @param description what it matches and why, for the notice's message
 */
public record Ending(
    SuppressionKind kind, String id, String name, String description, Instant endsAt) {

  /** An active silence's end. */
  public static Ending of(Silence silence) {
    return new Ending(
        SuppressionKind.SILENCE,
        silence.uuid(),
        "silence " + silence.id(),
        text(silence.matcherSets()) + " by " + silence.createdBy() + ": " + silence.comment(),
        silence.endsAt());
  }

  /** The end of one occurrence of a maintenance window: each occurrence ends on its own. */
  public static Ending of(MaintenanceWindow window, Occurrence occurrence) {
    return new Ending(
        SuppressionKind.WINDOW,
        Long.toString(window.id()),
        "maintenance window " + window.id() + " (" + window.name() + ")",
        text(window.matcherSets())
            + " by "
            + window.createdBy()
            + (window.comment().isEmpty() ? "" : ": " + window.comment()),
        occurrence.end());
  }

  private static String text(List<List<LabelMatcher>> matcherSets) {
    return String.join(
        " or ",
        matcherSets.stream()
            .map(set -> "{" + String.join(",", set.stream().map(Object::toString).toList()) + "}")
            .toList());
  }
}
