package io.klaxon.server.hosts;

import io.klaxon.server.problem.FieldErrors;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/servers} ({@code id} required) and of {@code PUT /api/servers/{id}}
 * (no {@code id}: the path names the server). Hostname defaults to the id, display name to the
 * hostname, tags to none.
 */
record ServerRequest(
    @Nullable String id,
    @Nullable String hostname,
    @Nullable String displayName,
    @Nullable List<@Nullable String> tags) {

  /** The tags given, or the fault recorded under {@code tags}. */
  List<String> tags(FieldErrors faults) {
    if (tags == null) {
      return List.of();
    }
    if (tags.contains(null)) {
      faults.add("tags", "tags must be strings, not null");
      return List.of();
    }
    return tags.stream().map(tag -> tag == null ? "" : tag.trim()).toList();
  }
}
