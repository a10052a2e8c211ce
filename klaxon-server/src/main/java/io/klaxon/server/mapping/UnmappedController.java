package io.klaxon.server.mapping;

import io.klaxon.access.Actor;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.MappedMarket;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.MappingStore;
import io.klaxon.mapping.UnmappedPage;
import io.klaxon.mapping.UnmappedPatch;
import io.klaxon.mapping.UnmappedQuery;
import io.klaxon.mapping.UnmappedSighting;
import io.klaxon.mapping.UnmappedSort;
import io.klaxon.mapping.UnmappedStatus;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.PayloadTooLarge;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The log of markets seen with no mapping: listed, recorded, triaged and mapped. */
@RestController
@RequestMapping("/api/unmapped")
@Tag(name = "mappings")
class UnmappedController {

  static final int MAX_SIGHTINGS = 10_000;
  private static final List<String> LIST_PARAMS =
      List.of("source", "status", "sort", "limit", "offset");

  private final MappingStore store;
  private final MappingRegistry registry;
  private final InstantSource clock;

  UnmappedController(MappingStore store, MappingRegistry registry, InstantSource clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
  }

  /** One page of unmapped markets, with how many match. */
  record UnmappedList(List<UnmappedView> markets, long total, int limit, long offset) {}

  /** How many sightings were counted. */
  record Recorded(int recorded) {}

  /** An unmapped market given a mapping. */
  record Mapped(MappingView mapping, UnmappedView market, boolean created) {}

  @GetMapping
  @Operation(
      summary =
          "List unmapped markets: filters source, status; sort -occurrences (default), occurrences,"
              + " -lastSeenAt, lastSeenAt")
  UnmappedList list(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, LIST_PARAMS);
    Set<String> sources = read.words("source", Function.identity());
    Set<UnmappedStatus> statuses = read.words("status", UnmappedStatus::parse);
    String sortText = read.single("sort");
    UnmappedSort sort =
        sortText == null
            ? UnmappedSort.OCCURRENCES_DESC
            : errors.attempt("", () -> UnmappedSort.parse(sortText));
    int limit = read.limit();
    long offset = read.offset();
    errors.throwIfAny();
    UnmappedPage page =
        store.findUnmapped(
            new UnmappedQuery(sources, statuses, Objects.requireNonNull(sort), limit, offset));
    return new UnmappedList(
        page.markets().stream().map(UnmappedView::of).toList(), page.total(), limit, offset);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one unmapped market")
  UnmappedView get(@PathVariable long id) {
    return UnmappedView.of(
        store.findUnmapped(id).orElseThrow(() -> new NotFound("unmapped market", id)));
  }

  @PostMapping
  @Operation(
      summary = "Count sightings of unmapped markets (an array of up to 10,000); durable on 200")
  Recorded record(@RequestBody List<SightingRequest> body) {
    if (body.size() > MAX_SIGHTINGS) {
      throw new PayloadTooLarge(
          "at most " + MAX_SIGHTINGS + " sightings per request, got " + body.size());
    }
    FieldErrors errors = new FieldErrors();
    if (body.isEmpty()) {
      errors.add("body", "the array has no sightings");
    }
    Instant now = clock.instant();
    List<UnmappedSighting> sightings = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      @Nullable SightingRequest item = body.get(i);
      String path = "[" + i + "].";
      UnmappedSighting sighting =
          item == null ? recordNull(errors, "[" + i + "]") : item.sighting(path, now, errors);
      if (sighting != null) {
        sightings.add(sighting);
      }
    }
    errors.throwIfAny();
    store.recordUnmapped(sightings);
    return new Recorded(sightings.size());
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change the status (NEW, ACKNOWLEDGED, MAPPED, IGNORED) or the notes")
  UnmappedView update(@PathVariable long id, @RequestBody UnmappedPatchRequest body) {
    FieldErrors errors = new FieldErrors();
    String statusText = body.status();
    UnmappedStatus status =
        statusText == null ? null : errors.attempt("", () -> UnmappedStatus.parse(statusText));
    // A status that was sent but not understood is already named; the notes are still checked.
    UnmappedStatus checked = status == null && statusText != null ? UnmappedStatus.NEW : status;
    UnmappedPatch patch = errors.attempt("", () -> new UnmappedPatch(checked, body.notes()));
    errors.throwIfAny();
    return UnmappedView.of(store.updateUnmapped(id, Objects.requireNonNull(patch)));
  }

  @PostMapping("/{id}/map")
  @Operation(
      summary =
          "Give the market a new mapping (canonicalId…) or add it to one (mappingId); marks it"
              + " MAPPED")
  ResponseEntity<Mapped> map(@PathVariable long id, @RequestBody MapRequest body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    Edit edit = errors.attempt("", () -> new Edit(actor, body.reason()));
    body.check(errors);
    errors.throwIfAny();
    Edit who = Objects.requireNonNull(edit);
    Long mappingId = body.mappingId();
    MappedMarket mapped =
        mappingId != null
            ? registry.mapToExisting(id, mappingId, who)
            : registry.mapToNew(
                id,
                body.canonicalId(),
                body.name(),
                MappingRequest.outcomes(body.outcomeMapping()),
                body.priority(),
                who);
    return ResponseEntity.status(mapped.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(
            new Mapped(
                MappingView.of(mapped.mapping()),
                UnmappedView.of(mapped.market()),
                mapped.created()));
  }

  private static @Nullable UnmappedSighting recordNull(FieldErrors errors, String path) {
    errors.add(path, "must be a sighting object");
    return null;
  }
}
