package io.klaxon.server.mapping;

import io.klaxon.mapping.AuditAction;
import io.klaxon.mapping.AuditPage;
import io.klaxon.mapping.AuditQuery;
import io.klaxon.mapping.MappingStore;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mapping audit log: one mapping's, or everyone's filtered. */
@RestController
@RequestMapping("/api/mappings")
@Tag(name = "mappings")
class MappingAuditController {

  private static final List<String> PARAMS =
      List.of("action", "canonicalId", "from", "to", "limit", "offset");

  private final MappingStore store;

  MappingAuditController(MappingStore store) {
    this.store = store;
  }

  /** One page of audit entries, newest first, with how many match. */
  record AuditList(List<AuditView> entries, long total, int limit, long offset) {}

  @GetMapping("/audit")
  @Operation(summary = "The audit log, newest first: filters action, canonicalId, from, to; paged")
  AuditList audit(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, PARAMS);
    Set<AuditAction> actions = read.words("action", AuditAction::parse);
    String canonicalId = read.single("canonicalId");
    Instant from = read.time("from");
    Instant to = read.time("to");
    int limit = read.limit();
    long offset = read.offset();
    errors.throwIfAny();
    AuditQuery query =
        errors.attempt("", () -> new AuditQuery(actions, canonicalId, from, to, limit, offset));
    errors.throwIfAny();
    AuditPage page = store.audit(Objects.requireNonNull(query));
    return new AuditList(
        page.entries().stream().map(AuditView::of).toList(), page.total(), limit, offset);
  }

  @GetMapping("/{id}/audit")
  @Operation(summary = "Every change of one mapping, oldest first")
  List<AuditView> auditOf(@PathVariable long id) {
    if (store.findById(id).isEmpty()) {
      throw new NotFound("mapping", id);
    }
    return store.auditOf(id).stream().map(AuditView::of).toList();
  }
}
