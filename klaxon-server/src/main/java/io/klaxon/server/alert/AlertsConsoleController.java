package io.klaxon.server.alert;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Lifecycle;
import io.klaxon.alert.Severity;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.server.console.BackLink;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.Refusals;
import io.klaxon.server.console.When;
import io.klaxon.store.AlertStore;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alert board (filters in the URL, status tabs, bulk actions, live updates) and alert detail.
 */
@Controller
@ConsolePage
public class AlertsConsoleController {

  /** The bulk and single actions the console offers, as the board's buttons name them. */
  enum Action {
    ACKNOWLEDGE(Transition.ACKNOWLEDGE, "Acknowledge", "acknowledged"),
    UNACKNOWLEDGE(Transition.UNACKNOWLEDGE, "Unacknowledge", "unacknowledged"),
    RESOLVE(Transition.RESOLVE, "Resolve", "resolved"),
    DISMISS(Transition.DISMISS, "Dismiss", "dismissed");

    final Transition transition;
    final String label;
    final String done;

    Action(Transition transition, String label, String done) {
      this.transition = transition;
      this.label = label;
      this.done = done;
    }

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Action parse(@Nullable String word) {
      for (Action action : values()) {
        if (action.word().equals(word)) {
          return action;
        }
      }
      throw new InvalidInput("action", "use acknowledge, unacknowledge, resolve or dismiss");
    }
  }

  /** A status tab of the board: its count under the other filters, and where it leads. */
  record Tab(String label, String word, long count, String url, boolean selected) {}

  /** An action button: the word it posts and its label. */
  record ActionButton(String word, String label) {}

  /** One history entry as the timeline shows it. */
  record HistoryRow(
      long version,
      When at,
      String actor,
      String action,
      @Nullable String fromStatus,
      String toStatus,
      List<String> changes,
      @Nullable String note) {}

  private final AlertStore store;
  private final AlertEngine engine;
  private final InstantSource clock;

  AlertsConsoleController(AlertStore store, AlertEngine engine, InstantSource clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
  }

  @GetMapping("/")
  String board(
      @RequestParam MultiValueMap<String, String> raw, Model model, HttpServletResponse response) {
    Instant now = clock.instant();
    BoardFilter filter = BoardFilter.of(raw);
    model.addAttribute("filter", filter);
    model.addAttribute(
        "severities", List.of(Severity.values()).reversed().stream().map(Severity::word).toList());
    model.addAttribute("ranges", List.of("1h", "24h", "7d", "30d"));
    AlertQuery query;
    try {
      query = AlertQueryParser.parse(filter.apiParams(now));
    } catch (InvalidInput e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("filterErrors", e.errors());
      model.addAttribute("rows", List.of());
      model.addAttribute("tabs", List.of());
      model.addAttribute("total", 0L);
      return "console/board";
    }
    AlertPage page = engine.current(store.find(query));
    model.addAttribute("rows", page.alerts().stream().map(a -> AlertRow.of(a, now)).toList());
    model.addAttribute("total", page.total());
    model.addAttribute("tabs", tabs(filter, page));
    long offset = query.offset();
    int limit = query.limit();
    model.addAttribute("first", page.total() == 0 ? 0 : offset + 1);
    model.addAttribute("last", offset + page.alerts().size());
    model.addAttribute("previousUrl", offset > 0 ? filter.page(Math.max(0, offset - limit)) : null);
    model.addAttribute(
        "nextUrl",
        offset + page.alerts().size() < page.total() ? filter.page(offset + limit) : null);
    model.addAttribute(
        "bulkActions",
        List.of(
            new ActionButton("acknowledge", "Acknowledge"),
            new ActionButton("resolve", "Resolve"),
            new ActionButton("dismiss", "Dismiss")));
    return "console/board";
  }

  private static List<Tab> tabs(BoardFilter filter, AlertPage page) {
    List<Tab> tabs = new ArrayList<>();
    long all = page.counts().values().stream().mapToLong(Long::longValue).sum();
    String selected = filter.first("status");
    tabs.add(new Tab("All", "", all, filter.with("status", null), selected == null));
    for (AlertStatus status : AlertStatus.values()) {
      String word = status.word();
      tabs.add(
          new Tab(
              Character.toUpperCase(word.charAt(0)) + word.substring(1),
              word,
              page.counts().getOrDefault(status, 0L),
              filter.with("status", word),
              word.equals(selected)));
    }
    return tabs;
  }

  @PostMapping("/alerts/actions")
  String bulk(
      @RequestParam(name = "id", required = false) @Nullable List<Long> ids,
      @RequestParam(name = "action", required = false) @Nullable String actionWord,
      @RequestParam(name = "back", required = false) @Nullable String back,
      Actor actor,
      RedirectAttributes flash) {
    String target = "redirect:" + BackLink.safe(back);
    Action action;
    try {
      action = Action.parse(actionWord);
    } catch (InvalidInput e) {
      flash.addFlashAttribute("problem", "Choose an action: acknowledge, resolve or dismiss.");
      return target;
    }
    if (ids == null || ids.isEmpty()) {
      flash.addFlashAttribute("problem", "Select at least one alert first.");
      return target;
    }
    List<AlertCommand> commands = new ArrayList<>();
    for (long id : ids.stream().distinct().toList()) {
      commands.add(new AlertCommand.Change(AlertRef.id(id), action.transition, actor, null, false));
    }
    List<CommandResult> results = engine.apply(commands);
    long refused = results.stream().filter(CommandResult::isRefused).count();
    long done = results.size() - refused;
    String verb = action.done;
    flash.addFlashAttribute("notice", done + (done == 1 ? " alert " : " alerts ") + verb + ".");
    if (refused > 0) {
      KlaxonException first =
          results.stream().filter(CommandResult::isRefused).findFirst().orElseThrow().refusal();
      flash.addFlashAttribute(
          "problem",
          refused
              + (refused == 1 ? " alert was" : " alerts were")
              + " not "
              + verb
              + ": "
              + (first == null ? "" : first.getMessage()));
    }
    return target;
  }

  @GetMapping("/alerts/{id}")
  String detail(@PathVariable long id, Model model) {
    Instant now = clock.instant();
    Alert alert = engine.current(store.findById(id).orElseThrow(() -> new NotFound("alert", id)));
    model.addAttribute("alert", alert);
    model.addAttribute("row", AlertRow.of(alert, now));
    model.addAttribute(
        "snoozed",
        alert.suppressedBy().stream().anyMatch(by -> by.kind() == SuppressionKind.SNOOZE));
    model.addAttribute("severity", alert.severity().word());
    model.addAttribute("status", alert.status().word());
    model.addAttribute("attributes", new TreeMap<>(alert.attributes()));
    model.addAttribute("times", timeFields(alert, now));
    List<HistoryRow> history = new ArrayList<>();
    for (HistoryEntry entry : store.history(id)) {
      history.add(
          new HistoryRow(
              entry.version(),
              java.util.Objects.requireNonNull(When.of(entry.at(), now)),
              entry.actor(),
              entry.action().word(),
              entry.fromStatus() == null ? null : entry.fromStatus().word(),
              entry.toStatus().word(),
              entry.changes().stream()
                  .map(
                      c ->
                          c.field()
                              + ": "
                              + (c.from() == null ? "—" : c.from())
                              + " → "
                              + (c.to() == null ? "—" : c.to()))
                  .toList(),
              entry.note()));
    }
    model.addAttribute("history", history.reversed());
    List<ActionButton> actions = new ArrayList<>();
    for (Action action : Action.values()) {
      // Only changes that move the alert: acknowledging an acknowledged alert changes nothing.
      if (Lifecycle.target(alert.status(), action.transition)
          .filter(t -> t != alert.status())
          .isPresent()) {
        actions.add(new ActionButton(action.word(), action.label));
      }
    }
    model.addAttribute("actions", actions);
    return "console/alert";
  }

  private static Map<String, @Nullable When> timeFields(Alert alert, Instant now) {
    Map<String, @Nullable When> times = new java.util.LinkedHashMap<>();
    times.put("Detected", When.of(alert.detectedAt(), now));
    times.put("Last seen", When.of(alert.lastSeenAt(), now));
    times.put("Acknowledged", When.of(alert.acknowledgedAt(), now));
    times.put("Resolved", When.of(alert.resolvedAt(), now));
    times.put("Expires", When.of(alert.expiresAt(), now));
    return times;
  }

  @PostMapping("/alerts/{id}/actions")
  String act(
      @PathVariable long id,
      @RequestParam(name = "action", required = false) @Nullable String actionWord,
      @RequestParam(name = "note", required = false) @Nullable String note,
      Actor actor,
      RedirectAttributes flash) {
    String target = "redirect:/alerts/" + id;
    try {
      Action action = Action.parse(actionWord);
      String text = note == null || note.isBlank() ? null : note.strip();
      engine
          .apply(new AlertCommand.Change(AlertRef.id(id), action.transition, actor, text, false))
          .alertOrThrow();
      flash.addFlashAttribute("notice", "Alert " + action.done + ".");
    } catch (NotFound e) {
      throw e;
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
    }
    return target;
  }

  @PostMapping("/alerts/{id}/notes")
  String note(
      @PathVariable long id,
      @RequestParam(name = "text", required = false) @Nullable String text,
      Actor actor,
      RedirectAttributes flash) {
    try {
      engine
          .apply(new AlertCommand.Note(AlertRef.id(id), text == null ? "" : text.strip(), actor))
          .alertOrThrow();
      flash.addFlashAttribute("notice", "Note added.");
    } catch (NotFound e) {
      throw e;
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
      flash.addFlashAttribute("noteText", text);
    }
    return "redirect:/alerts/" + id + "#notes";
  }
}
