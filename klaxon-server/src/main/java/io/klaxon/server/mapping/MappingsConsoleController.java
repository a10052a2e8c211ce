package io.klaxon.server.mapping;

import io.klaxon.access.Actor;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.MappedMarket;
import io.klaxon.mapping.MappingAuditEntry;
import io.klaxon.mapping.MappingDraft;
import io.klaxon.mapping.MappingPage;
import io.klaxon.mapping.MappingQuery;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.MappingStore;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.mapping.UnmappedMarket;
import io.klaxon.mapping.UnmappedPage;
import io.klaxon.mapping.UnmappedPatch;
import io.klaxon.mapping.UnmappedQuery;
import io.klaxon.mapping.UnmappedSort;
import io.klaxon.mapping.UnmappedStatus;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.server.console.BackLink;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.Refusals;
import io.klaxon.server.console.When;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Market mappings (seed 003): search, create, edit, (de)activate with the audit trail; and the
 * unmapped queue, most seen first, with acknowledge, ignore and map. Writes go through the mapping
 * registry (the unmapped status through the mapping store, as the API does).
 */
@Controller
@ConsolePage
class MappingsConsoleController {

  private static final int PAGE = 50;

  /** A mapping as the list shows it. */
  public record MappingRow(
      long id,
      String canonicalId,
      String name,
      String sourceIds,
      int outcomes,
      int priority,
      boolean active,
      When updated) {}

  /** One audit entry as the trail shows it. */
  public record AuditRow(
      When at, String actor, String action, @Nullable String reason, String change) {}

  /** An unmapped market as the queue shows it. */
  public record UnmappedRow(
      long id,
      String source,
      String externalId,
      @Nullable String marketName,
      String outcomes,
      long occurrences,
      When firstSeen,
      When lastSeen,
      String status,
      @Nullable Long mappingId) {}

  private final MappingStore store;
  private final MappingRegistry registry;
  private final InstantSource clock;

  MappingsConsoleController(MappingStore store, MappingRegistry registry, InstantSource clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
  }

  @GetMapping("/mappings")
  String list(
      @RequestParam(name = "q", required = false) @Nullable String q,
      @RequestParam(name = "active", required = false) @Nullable String active,
      @RequestParam(name = "offset", defaultValue = "0") long offset,
      Model model) {
    Instant now = clock.instant();
    Boolean activeFilter =
        "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
    long from = Math.max(0, offset);
    MappingPage page = store.find(new MappingQuery(activeFilter, Set.of(), q, PAGE, from));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("active", active == null ? "" : active);
    model.addAttribute("mappings", page.mappings().stream().map(m -> row(m, now)).toList());
    model.addAttribute("total", page.total());
    model.addAttribute("previousOffset", from > 0 ? Math.max(0, from - PAGE) : null);
    model.addAttribute("nextOffset", from + PAGE < page.total() ? from + PAGE : null);
    return "console/mappings";
  }

  private static MappingRow row(MarketMapping m, Instant now) {
    return new MappingRow(
        m.id(),
        m.canonicalId(),
        m.name(),
        String.join(
            ", ",
            m.sourceIds().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
        m.outcomeMapping().size(),
        m.priority(),
        m.active(),
        java.util.Objects.requireNonNull(When.of(m.updatedAt(), now)));
  }

  @GetMapping("/mappings/new")
  String newForm(Model model) {
    return form(model, MappingForm.empty(), null, Map.of());
  }

  @PostMapping("/mappings")
  String create(
      @RequestParam Map<String, String> params,
      Actor actor,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    MappingForm form = form(params);
    try {
      MarketMapping created = registry.create(draft(form), edit(actor, form.reason()));
      flash.addFlashAttribute("notice", "Mapping " + created.canonicalId() + " created.");
      return "redirect:/mappings/" + created.id();
    } catch (InvalidInput | Conflict e) {
      response.setStatus(e instanceof Conflict ? 409 : 400);
      return form(model, form, null, fieldErrors(e));
    }
  }

  @GetMapping("/mappings/{id}")
  String edit(@PathVariable long id, Model model) {
    MarketMapping mapping = store.findById(id).orElseThrow(() -> new NotFound("mapping", id));
    return form(model, MappingForm.of(mapping), mapping, Map.of());
  }

  @PostMapping("/mappings/{id}")
  String update(
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      Actor actor,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    MappingForm form = form(params);
    try {
      registry.update(id, draft(form), edit(actor, form.reason()));
      flash.addFlashAttribute("notice", "Mapping saved.");
      return "redirect:/mappings/" + id;
    } catch (InvalidInput | Conflict e) {
      // The stored mapping is read only to show the form again; the update reports NotFound.
      MarketMapping mapping = store.findById(id).orElseThrow(() -> new NotFound("mapping", id));
      response.setStatus(e instanceof Conflict ? 409 : 400);
      return form(model, form, mapping, fieldErrors(e));
    }
  }

  @PostMapping("/mappings/{id}/{change:activate|deactivate}")
  String activation(
      @PathVariable long id,
      @PathVariable String change,
      @RequestParam(name = "reason", required = false) @Nullable String reason,
      Actor actor,
      RedirectAttributes flash) {
    try {
      Edit edit = edit(actor, reason);
      if (change.equals("activate")) {
        registry.activate(id, edit);
      } else {
        registry.deactivate(id, edit);
      }
      flash.addFlashAttribute("notice", "Mapping " + change + "d.");
    } catch (NotFound e) {
      throw e;
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
    }
    return "redirect:/mappings/" + id;
  }

  private String form(
      Model model,
      MappingForm form,
      @Nullable MarketMapping mapping,
      Map<String, List<String>> errors) {
    Instant now = clock.instant();
    model.addAttribute("form", form);
    model.addAttribute("mapping", mapping);
    model.addAttribute(
        "pageTitle", mapping == null ? "New mapping" : "Mapping " + mapping.canonicalId());
    model.addAttribute("errors", errors);
    List<AuditRow> audit = new ArrayList<>();
    if (mapping != null) {
      for (MappingAuditEntry entry : store.auditOf(mapping.id()).reversed()) {
        audit.add(
            new AuditRow(
                java.util.Objects.requireNonNull(When.of(entry.at(), now)),
                entry.actor(),
                entry.action().name(),
                entry.reason(),
                describe(entry.oldValue(), entry.newValue())));
      }
    }
    model.addAttribute("audit", audit);
    return "console/mapping";
  }

  /** What an audit entry changed, field by field. */
  static String describe(@Nullable MarketMapping before, MarketMapping after) {
    if (before == null) {
      return "created " + after.canonicalId() + " (" + after.name() + ")";
    }
    List<String> parts = new ArrayList<>();
    if (!before.canonicalId().equals(after.canonicalId())) {
      parts.add("canonical id " + before.canonicalId() + " → " + after.canonicalId());
    }
    if (!before.name().equals(after.name())) {
      parts.add("name " + before.name() + " → " + after.name());
    }
    if (!before.sourceIds().equals(after.sourceIds())) {
      parts.add("source ids " + before.sourceIds() + " → " + after.sourceIds());
    }
    if (!before.outcomeMapping().equals(after.outcomeMapping())) {
      parts.add("outcomes changed");
    }
    if (before.priority() != after.priority()) {
      parts.add("priority " + before.priority() + " → " + after.priority());
    }
    if (before.active() != after.active()) {
      parts.add(after.active() ? "activated" : "deactivated");
    }
    return parts.isEmpty() ? "no field changed" : String.join("; ", parts);
  }

  private static MappingForm form(Map<String, String> params) {
    return MappingForm.of(
        params.get("canonicalId"),
        params.get("name"),
        params.get("sourceIds"),
        params.get("outcomes"),
        params.get("priority"),
        params.get("reason"));
  }

  private static MappingDraft draft(MappingForm form) {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    Map<String, String> ids = form.sourceIdMap(errors);
    List<OutcomeMapping> outcomes = form.outcomeList(errors);
    Integer priority = form.priorityNumber(errors);
    MappingDraft draft = null;
    try {
      draft = MappingDraft.of(form.canonicalId(), form.name(), ids, outcomes, priority);
    } catch (InvalidInput e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty() || draft == null) {
      throw new InvalidInput(errors);
    }
    return draft;
  }

  private static Edit edit(Actor actor, @Nullable String reason) {
    return new Edit(actor, reason == null || reason.isBlank() ? null : reason.strip());
  }

  /**
   * Each refusal under the form field it belongs to: {@code outcomeMapping[2].canonical} → {@code
   * outcomes}.
   */
  static Map<String, List<String>> fieldErrors(KlaxonException e) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    if (e instanceof InvalidInput invalid) {
      for (InvalidInput.FieldError error : invalid.errors()) {
        String field = error.field();
        String top = field.split("[.\\[]", 2)[0];
        String key = top.equals("outcomeMapping") ? "outcomes" : top.isEmpty() ? "form" : top;
        String text =
            field.equals(top) || field.isEmpty() ? error.reason() : field + ": " + error.reason();
        byField.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
      }
    } else if (e instanceof Conflict conflict) {
      String top = conflict.field().split("[.\\[]", 2)[0];
      byField
          .computeIfAbsent(top.isEmpty() ? "form" : top, k -> new ArrayList<>())
          .add(conflict.getMessage());
    } else {
      byField.put("form", List.of(e.getMessage()));
    }
    return byField;
  }

  // ---- the unmapped queue ------------------------------------------------------------------

  @GetMapping("/unmapped")
  String unmapped(
      @RequestParam(name = "status", required = false) @Nullable String status,
      @RequestParam(name = "offset", defaultValue = "0") long offset,
      Model model) {
    Instant now = clock.instant();
    Set<UnmappedStatus> statuses;
    String shown = status == null || status.isBlank() ? "open" : status.strip();
    if (shown.equals("open")) {
      statuses = EnumSet.of(UnmappedStatus.NEW, UnmappedStatus.ACKNOWLEDGED);
    } else if (shown.equals("all")) {
      statuses = Set.of();
    } else {
      statuses = Set.of(UnmappedStatus.parse(shown));
    }
    long from = Math.max(0, offset);
    UnmappedPage page =
        store.findUnmapped(
            new UnmappedQuery(Set.of(), statuses, UnmappedSort.OCCURRENCES_DESC, PAGE, from));
    model.addAttribute("status", shown);
    model.addAttribute(
        "statuses", List.of("open", "NEW", "ACKNOWLEDGED", "MAPPED", "IGNORED", "all"));
    model.addAttribute("markets", page.markets().stream().map(m -> unmappedRow(m, now)).toList());
    model.addAttribute("total", page.total());
    model.addAttribute("previousOffset", from > 0 ? Math.max(0, from - PAGE) : null);
    model.addAttribute("nextOffset", from + PAGE < page.total() ? from + PAGE : null);
    return "console/unmapped";
  }

  private static UnmappedRow unmappedRow(UnmappedMarket m, Instant now) {
    return new UnmappedRow(
        m.id(),
        m.source(),
        m.externalMarketId(),
        m.marketName(),
        String.join(", ", m.sampleOutcomes()),
        m.occurrenceCount(),
        java.util.Objects.requireNonNull(When.of(m.firstSeenAt(), now)),
        java.util.Objects.requireNonNull(When.of(m.lastSeenAt(), now)),
        m.status().name(),
        m.mappingId());
  }

  @PostMapping("/unmapped/{id}/status")
  String triage(
      @PathVariable long id,
      @RequestParam(name = "status", required = false) @Nullable String status,
      @RequestParam(name = "back", required = false) @Nullable String back,
      RedirectAttributes flash) {
    try {
      UnmappedStatus next = UnmappedStatus.parse(status == null ? "" : status);
      UnmappedMarket market = store.updateUnmapped(id, new UnmappedPatch(next, null));
      flash.addFlashAttribute(
          "notice",
          market.source()
              + " market "
              + market.externalMarketId()
              + " marked "
              + next.name()
              + ".");
    } catch (NotFound e) {
      throw e;
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
    }
    return "redirect:" + BackLink.safe(back == null ? "/unmapped" : back);
  }

  @PostMapping("/unmapped/{id}/map")
  String map(
      @PathVariable long id,
      @RequestParam(name = "canonicalId", required = false) @Nullable String canonicalId,
      @RequestParam(name = "name", required = false) @Nullable String name,
      @RequestParam(name = "mappingId", required = false) @Nullable String mappingId,
      @RequestParam(name = "back", required = false) @Nullable String back,
      Actor actor,
      RedirectAttributes flash) {
    try {
      Edit edit = edit(actor, null);
      MappedMarket mapped;
      if (mappingId != null && !mappingId.isBlank()) {
        long target;
        try {
          target = Long.parseLong(mappingId.strip());
        } catch (NumberFormatException e) {
          throw new InvalidInput("mappingId", "must be a mapping's number");
        }
        mapped = registry.mapToExisting(id, target, edit);
      } else if (canonicalId == null || canonicalId.isBlank()) {
        throw new InvalidInput(
            "canonicalId",
            "give a canonical id for a new mapping, or an existing mapping's number");
      } else {
        mapped =
            registry.mapToNew(
                id,
                canonicalId.strip(),
                name == null || name.isBlank() ? null : name.strip(),
                null,
                null,
                edit);
      }
      flash.addFlashAttribute(
          "notice",
          mapped.market().source()
              + " market "
              + mapped.market().externalMarketId()
              + " mapped to "
              + mapped.mapping().canonicalId()
              + (mapped.created() ? " (new mapping)." : "."));
    } catch (NotFound e) {
      if (e.kind().equals("unmapped market")) {
        throw e;
      }
      flash.addFlashAttribute("problem", e.getMessage());
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
    }
    return "redirect:" + BackLink.safe(back == null ? "/unmapped" : back);
  }
}
