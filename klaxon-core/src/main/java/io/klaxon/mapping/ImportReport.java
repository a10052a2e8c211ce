package io.klaxon.mapping;

import io.klaxon.problem.KlaxonException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did with each item, by the item's index in the import.
 *
 * @param created items that made a new mapping
 * @param updated items that changed the mapping of their canonical id
 * @param unchanged items equal to the mapping of their canonical id
 * @param rejected items that changed nothing, with why
 */
public record ImportReport(
    List<Applied> created,
    List<Applied> updated,
    List<Applied> unchanged,
    List<Rejected> rejected) {

  public ImportReport {
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    unchanged = List.copyOf(unchanged);
    rejected = List.copyOf(rejected);
  }

  /** An item that was applied (or needed nothing), and the mapping it is now. */
  public record Applied(int index, long id, String canonicalId) {}

  /**
   * An item that was refused.
   *
   * @param canonicalId as given, when given
   * @param refusal an {@link io.klaxon.problem.InvalidInput} (naming the fields) or a {@link
   *     io.klaxon.problem.Conflict} (naming the clash)
   */
  public record Rejected(int index, @Nullable String canonicalId, KlaxonException refusal) {}
}
