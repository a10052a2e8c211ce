package io.klaxon.server.mapping;

import io.klaxon.access.Actor;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.MappingDraft;
import io.klaxon.mapping.MappingPage;
import io.klaxon.mapping.MappingQuery;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.MappingStore;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists, reads, creates, changes and (softly) deletes mappings; resolves a source's market id. */
@RestController
@RequestMapping("/api/mappings")
@Tag(name = "mappings")
class MappingController {

  private static final List<String> LIST_PARAMS =
      List.of("active", "source", "q", "limit", "offset");

  private final MappingStore store;
  private final MappingRegistry registry;

  MappingController(MappingStore store, MappingRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** One page of mappings, with how many match. */
  record MappingList(List<MappingView> mappings, long total, int limit, long offset) {}

  @GetMapping
  @Operation(summary = "List mappings: filters active, source, q; paged")
  MappingList list(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, LIST_PARAMS);
    Boolean active = read.bool("active");
    Set<String> sources = read.words("source", Function.identity());
    String text = read.single("q");
    int limit = read.limit();
    long offset = read.offset();
    errors.throwIfAny();
    MappingPage page = store.find(new MappingQuery(active, sources, text, limit, offset));
    return new MappingList(
        page.mappings().stream().map(MappingView::of).toList(), page.total(), limit, offset);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one mapping")
  MappingView get(@PathVariable long id) {
    return MappingView.of(store.findById(id).orElseThrow(() -> new NotFound("mapping", id)));
  }

  @GetMapping("/resolve")
  @Operation(summary = "The active mapping of a source's market id, or 404")
  MappingView resolve(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, List.of("source", "externalId"));
    String source = read.single("source");
    String externalId = read.single("externalId");
    if (source == null) {
      errors.add("source", "is required");
    }
    if (externalId == null) {
      errors.add("externalId", "is required");
    }
    errors.throwIfAny();
    String s = Objects.requireNonNull(source);
    String e = Objects.requireNonNull(externalId);
    MarketMapping mapping =
        registry
            .resolve(s, e)
            .orElseThrow(() -> new NotFound("active mapping for", s + " market " + e));
    return MappingView.of(mapping);
  }

  @PostMapping
  @Operation(summary = "Create a mapping; answers 201 with it")
  ResponseEntity<MappingView> create(@RequestBody MappingRequest body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    Edit edit = errors.attempt("", () -> new Edit(actor, body.reason()));
    MappingDraft draft = body.draft(errors);
    errors.throwIfAny();
    MarketMapping created =
        registry.create(Objects.requireNonNull(draft), Objects.requireNonNull(edit));
    return ResponseEntity.created(URI.create("/api/mappings/" + created.id()))
        .body(MappingView.of(created));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace a mapping's content (not its active state)")
  MappingView update(@PathVariable long id, @RequestBody MappingRequest body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    Edit edit = errors.attempt("", () -> new Edit(actor, body.reason()));
    MappingDraft draft = body.draft(errors);
    errors.throwIfAny();
    return MappingView.of(
        registry.update(id, Objects.requireNonNull(draft), Objects.requireNonNull(edit)));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Soft-delete: deactivate, audited as DELETE; ?reason= optional")
  MappingView delete(
      @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Actor actor) {
    FieldErrors errors = new FieldErrors();
    String reason = new QueryParams(params, errors, List.of("reason")).single("reason");
    Edit edit = errors.attempt("", () -> new Edit(actor, reason));
    errors.throwIfAny();
    return MappingView.of(registry.delete(id, Objects.requireNonNull(edit)));
  }

  @PostMapping("/{id}/activate")
  @Operation(summary = "Activate a mapping; 409 when an active mapping took one of its ids")
  MappingView activate(
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonRequest body,
      Actor actor) {
    return MappingView.of(registry.activate(id, edit(actor, body)));
  }

  @PostMapping("/{id}/deactivate")
  @Operation(summary = "Deactivate a mapping: it resolves nothing, and frees its ids")
  MappingView deactivate(
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonRequest body,
      Actor actor) {
    return MappingView.of(registry.deactivate(id, edit(actor, body)));
  }

  private static Edit edit(Actor actor, @Nullable ReasonRequest body) {
    FieldErrors errors = new FieldErrors();
    Edit edit = errors.attempt("", () -> new Edit(actor, body == null ? null : body.reason()));
    errors.throwIfAny();
    return Objects.requireNonNull(edit);
  }
}
