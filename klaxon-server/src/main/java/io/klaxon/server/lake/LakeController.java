package io.klaxon.server.lake;

import io.klaxon.lake.Compaction;
import io.klaxon.problem.Conflict;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Maintenance of the alert-change Delta table. */
@RestController
@Tag(name = "lake")
class LakeController {

  private final ObjectProvider<LakeSink> sink;

  LakeController(ObjectProvider<LakeSink> sink) {
    this.sink = sink;
  }

  /** What a compaction did. */
  record CompactionView(int filesBefore, int filesAfter, long rows, long version, long tookMillis) {
    static CompactionView of(Compaction compaction) {
      return new CompactionView(
          compaction.filesBefore(),
          compaction.filesAfter(),
          compaction.rows(),
          compaction.version(),
          compaction.took().toMillis());
    }
  }

  @PostMapping("/api/lake/compact")
  @Operation(
      summary = "Merge the alert-change table's small files",
      description =
          "Rewrites each day's files into one, in one Delta commit; readers of older table"
              + " versions keep their files until a vacuum. 409 when the lake sink is off.")
  CompactionView compact(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    new QueryParams(params, errors, List.of());
    errors.throwIfAny();
    LakeSink lake = sink.getIfAvailable();
    if (lake == null) {
      throw new Conflict("klaxon.lake.path", "the Delta Lake sink is off: set klaxon.lake.path");
    }
    return CompactionView.of(lake.compact());
  }
}
