package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.server.alert.AlertRow;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.Refusals;
import io.klaxon.server.console.When;
import io.klaxon.store.AlertStore;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Labels;
import io.klaxon.suppress.MatchType;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.SilenceBook;
import io.klaxon.suppress.SilenceState;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Silences page (the list by state, expire), the form that creates one (from an
 * alert, with its labels filled in) and previews the alerts it matches, and the alert page's snooze
 * action.
 */
@Controller
@ConsolePage
class SilencesConsoleController {

  /** The labels a silence made from a Klaxon alert starts with, in this order. */
  private static final List<String> KLAXON_LABELS =
      List.of("source", "type", "subjectType", "subjectKey");

  /** A preview shows this many of the alerts; the heading says how many there are. */
  private static final int PREVIEW_ROWS = 50;

  private final SilenceBook book;
  private final ActiveAlertReader active;
  private final AlertStore alerts;
  private final Snoozing snoozing;

  SilencesConsoleController(
      SilenceBook book, ActiveAlertReader active, AlertStore alerts, Snoozing snoozing) {
    this.book = book;
    this.active = active;
    this.alerts = alerts;
    this.snoozing = snoozing;
  }

  /** A state tab of the list. */
  record Tab(String label, String word, String url, boolean selected) {}

  /** One silence as a row of the list. */
  record SilenceRow(
      long id,
      String uuid,
      String state,
      List<String> matcherSets,
      When startsAt,
      When endsAt,
      String createdBy,
      String comment,
      boolean expirable) {

    static SilenceRow of(Silence silence, Instant now) {
      SilenceState state = silence.state(now);
      return new SilenceRow(
          silence.id(),
          silence.uuid(),
          state.word(),
          silence.matcherSets().stream().map(SilenceView::text).toList(),
          Objects.requireNonNull(When.of(silence.startsAt(), now)),
          Objects.requireNonNull(When.of(silence.endsAt(), now)),
          silence.createdBy(),
          silence.comment(),
          state != SilenceState.EXPIRED);
    }
  }

  /** What the create form holds: as typed, so that a refusal shows it again. */
  record SilenceForm(
      String matchers, String startsAt, String duration, String comment, @Nullable Long alert) {}

  @GetMapping("/silences")
  String list(@RequestParam(name = "state", required = false) @Nullable String state, Model model) {
    Instant now = book.now();
    String selected = state == null || state.isBlank() ? "current" : state.strip();
    Set<SilenceState> states =
        switch (selected) {
          case "current" -> EnumSet.of(SilenceState.ACTIVE, SilenceState.PENDING);
          case "expired" -> EnumSet.of(SilenceState.EXPIRED);
          case "all" -> EnumSet.noneOf(SilenceState.class);
          default -> throw new InvalidInput("state", "use current, expired or all");
        };
    model.addAttribute("rows", book.list(states).stream().map(s -> SilenceRow.of(s, now)).toList());
    List<Tab> tabs = new ArrayList<>();
    for (String[] tab :
        new String[][] {
          {"Active and pending", "current"}, {"Expired", "expired"}, {"All", "all"}
        }) {
      tabs.add(new Tab(tab[0], tab[1], "/silences?state=" + tab[1], tab[1].equals(selected)));
    }
    model.addAttribute("tabs", tabs);
    return "console/silences";
  }

  @GetMapping("/silences/new")
  String create(
      @RequestParam(name = "alert", required = false) @Nullable Long alertId, Model model) {
    String matchers = "";
    if (alertId != null) {
      Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFound("alert", alertId));
      matchers = matchersOf(alert);
    }
    return form(new SilenceForm(matchers, "", "2h", "", alertId), model, Map.of(), null);
  }

  @PostMapping("/silences")
  String save(
      @RequestParam(name = "matchers", defaultValue = "") String matchers,
      @RequestParam(name = "startsAt", defaultValue = "") String startsAt,
      @RequestParam(name = "duration", defaultValue = "") String duration,
      @RequestParam(name = "comment", defaultValue = "") String comment,
      @RequestParam(name = "alert", required = false) @Nullable Long alertId,
      @RequestParam(name = "preview", required = false) @Nullable String preview,
      Actor actor,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    SilenceForm form = new SilenceForm(matchers, startsAt, duration, comment, alertId);
    Instant now = book.now();
    try {
      SilenceRequest request = request(form, now);
      if (preview != null) {
        return form(form, model, Map.of(), matching(request, now));
      }
      Silence silence = book.create(request.draft(actor.name()));
      flash.addFlashAttribute(
          "notice",
          "Silence "
              + silence.id()
              + " created: "
              + silence.state(book.now()).word()
              + " until "
              + Objects.requireNonNull(When.of(silence.endsAt(), now)).exact()
              + ".");
      return "redirect:/silences";
    } catch (InvalidInput e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, List<String>> errors = new LinkedHashMap<>();
      for (FieldError error : e.errors()) {
        String field = error.field().startsWith("matcherSets") ? "matchers" : error.field();
        field = field.equals("endsAt") ? "duration" : field;
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(error.reason());
      }
      return form(form, model, errors, null);
    }
  }

  @PostMapping("/silences/{id}/expire")
  String expire(@PathVariable long id, RedirectAttributes flash) {
    Silence expired = book.expire(book.get(id));
    flash.addFlashAttribute(
        "notice", "Silence " + expired.id() + " expired: its alerts notify again.");
    return "redirect:/silences?state=all";
  }

  @PostMapping("/alerts/{id}/snooze")
  String snooze(
      @PathVariable long id,
      @RequestParam(name = "for", defaultValue = "") String duration,
      @RequestParam(name = "note", required = false) @Nullable String note,
      Actor actor,
      RedirectAttributes flash) {
    try {
      String text = note == null || note.isBlank() ? null : note.strip();
      var snooze = snoozing.snooze(id, null, duration.isBlank() ? null : duration, text, actor);
      flash.addFlashAttribute(
          "notice",
          "Snoozed until "
              + Objects.requireNonNull(When.of(snooze.until(), book.now())).exact()
              + ".");
    } catch (NotFound e) {
      throw e;
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
    }
    return "redirect:/alerts/" + id;
  }

  @PostMapping("/alerts/{id}/unsnooze")
  String unsnooze(@PathVariable long id, RedirectAttributes flash) {
    try {
      snoozing.unsnooze(id);
      flash.addFlashAttribute("notice", "Snooze ended: the alert notifies again.");
    } catch (NotFound e) {
      throw e;
    } catch (KlaxonException e) {
      flash.addFlashAttribute("problem", Refusals.describe(e));
    }
    return "redirect:/alerts/" + id;
  }

  private String form(
      SilenceForm form, Model model, Map<String, List<String>> errors, @Nullable Preview preview) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("preview", preview);
    return "console/silence-new";
  }

  /** The first alerts a silence would hold quiet, and how many there are in all. */
  record Preview(List<AlertRow> rows, int total) {}

  private Preview matching(SilenceRequest request, Instant now) {
    Silence probe =
        new Silence(0, "", request.sets(), Instant.EPOCH, Instant.MAX, "", "", Instant.EPOCH);
    List<Alert> matching =
        active.all().stream().filter(alert -> probe.matches(Labels.of(alert))).toList();
    return new Preview(
        matching.stream().limit(PREVIEW_ROWS).map(alert -> AlertRow.of(alert, now)).toList(),
        matching.size());
  }

  /** The form as the API's request: the start as UTC, the end as start plus the duration. */
  private static SilenceRequest request(SilenceForm form, Instant now) {
    List<FieldError> faults = new ArrayList<>();
    Instant start = now;
    if (!form.startsAt().isBlank()) {
      try {
        start = LocalDateTime.parse(form.startsAt().strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        faults.add(new FieldError("startsAt", "'" + form.startsAt() + "' is not a date and time"));
      }
    }
    Duration length = null;
    try {
      length = Snoozing.duration("duration", form.duration());
      if (length.isNegative() || length.isZero()) {
        faults.add(new FieldError("duration", "must be positive"));
      }
    } catch (InvalidInput e) {
      faults.addAll(e.errors());
    }
    if (form.matchers().isBlank()) {
      faults.add(new FieldError("matchers", "a silence needs matchers"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    return new SilenceRequest(
        form.matchers(),
        null,
        start.toString(),
        start.plus(Objects.requireNonNull(length)).toString(),
        null,
        form.comment());
  }

  /**
   * Matchers that select alerts like this one: an Alertmanager alert's labels, else its source,
   * type and subject.
   */
  static String matchersOf(Alert alert) {
    Map<String, String> labels = Labels.of(alert);
    List<String> names =
        alert.attributes().keySet().stream()
            .filter(name -> name.startsWith(Labels.ALERTMANAGER_LABEL))
            .map(name -> name.substring(Labels.ALERTMANAGER_LABEL.length()))
            .sorted()
            .toList();
    if (names.isEmpty()) {
      names = KLAXON_LABELS.stream().filter(labels::containsKey).toList();
    }
    return names.stream()
        .map(
            name ->
                LabelMatcher.of("matchers", name, MatchType.EQUAL, labels.getOrDefault(name, ""))
                    .toString())
        .collect(Collectors.joining(","));
  }
}
