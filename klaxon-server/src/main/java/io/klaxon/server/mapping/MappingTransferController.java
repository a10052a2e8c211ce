package io.klaxon.server.mapping;

import io.klaxon.access.Actor;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.ImportItem;
import io.klaxon.mapping.ImportReport;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.MappingStore;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.Problems;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moves a whole registry between instances: export every mapping, import them by canonicalId. */
@RestController
@RequestMapping("/api/mappings")
@Tag(name = "mappings")
class MappingTransferController {

  static final int MAX_IMPORT = 10_000;

  private final MappingStore store;
  private final MappingRegistry registry;
  private final InstantSource clock;

  MappingTransferController(MappingStore store, MappingRegistry registry, InstantSource clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
  }

  /** Every mapping, active or not, by canonicalId: what POST /import takes back. */
  record Export(Instant exportedAt, int count, List<MappingView> mappings) {}

  /** What an import did with each item, by its index. */
  record ImportView(
      List<ImportReport.Applied> created,
      List<ImportReport.Applied> updated,
      List<ImportReport.Applied> unchanged,
      List<Rejection> rejected) {}

  /** A refused item: the status it would have had alone, and each reason. */
  record Rejection(
      int index, @Nullable String canonicalId, int status, String detail, List<FieldError> errors) {

    static Rejection of(ImportReport.Rejected rejected) {
      List<FieldError> errors =
          switch (rejected.refusal()) {
            case InvalidInput invalid -> invalid.errors();
            case Conflict conflict ->
                List.of(new FieldError(conflict.field(), conflict.getMessage()));
            default -> List.of();
          };
      return new Rejection(
          rejected.index(),
          rejected.canonicalId(),
          Problems.statusOf(rejected.refusal()).value(),
          rejected.refusal().getMessage(),
          errors);
    }
  }

  @GetMapping("/export")
  @Operation(summary = "Every mapping, active or not, as one JSON document")
  Export export(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    new QueryParams(params, errors, List.of());
    errors.throwIfAny();
    List<MappingView> mappings = store.all().stream().map(MappingView::of).toList();
    return new Export(clock.instant().truncatedTo(ChronoUnit.MICROS), mappings.size(), mappings);
  }

  @PostMapping("/import")
  @Operation(
      summary = "Create or update mappings by canonicalId, each item on its own",
      description = "Takes the export document; answers created, updated, unchanged, rejected.")
  ImportView importAll(@RequestBody ImportRequest body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    Edit edit = errors.attempt("", () -> new Edit(actor, body.reason()));
    List<ImportRequest.Item> items = body.mappings();
    if (items == null) {
      errors.add(
          "mappings", "is required: an array of mappings, as GET /api/mappings/export gives");
    } else if (items.size() > MAX_IMPORT) {
      errors.add("mappings", "at most " + MAX_IMPORT + " mappings per import");
    }
    errors.throwIfAny();
    List<ImportItem> converted =
        Objects.requireNonNull(items).stream().map(ImportRequest.Item::of).toList();
    ImportReport report = registry.importAll(converted, Objects.requireNonNull(edit));
    return new ImportView(
        report.created(),
        report.updated(),
        report.unchanged(),
        report.rejected().stream().map(Rejection::of).toList());
  }
}
