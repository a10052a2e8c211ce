package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.alert.AlertView;
import io.klaxon.suppress.Labels;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.SilenceBook;
import io.klaxon.suppress.SilenceState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Klaxon's silence API: create, list by state, read, update, expire, and preview what matches. */
@RestController
@RequestMapping("/api/silences")
@Tag(name = "silences")
class SilencesController {

  private final SilenceBook book;
  private final ActiveAlertReader active;

  SilencesController(SilenceBook book, ActiveAlertReader active) {
    this.book = book;
    this.active = active;
  }

  /** A page of silences. */
  record SilenceList(List<SilenceView> silences, long total, int limit, long offset) {}

  /** The active alerts a silence with these matchers would suppress now. */
  record Preview(List<AlertView> alerts, long total) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a silence; 400 naming each faulty field, nothing written")
  SilenceView create(@RequestBody SilenceRequest body, Actor actor) {
    return view(book.create(body.draft(actor.name())));
  }

  @GetMapping
  @Operation(summary = "List silences: active by end, then pending, then expired; state filter")
  SilenceList list(
      @RequestParam(required = false) @Nullable List<String> state,
      @RequestParam(defaultValue = "50") String limit,
      @RequestParam(defaultValue = "0") String offset) {
    Set<SilenceState> states = EnumSet.noneOf(SilenceState.class);
    for (String words : state == null ? List.<String>of() : state) {
      for (String word : words.split(",", -1)) {
        if (!word.isBlank()) {
          states.add(SilenceState.parse("state", word));
        }
      }
    }
    int pageSize = number("limit", limit, 1, 1000);
    int skip = number("offset", offset, 0, Integer.MAX_VALUE);
    List<Silence> all = book.list(states);
    List<SilenceView> page = all.stream().skip(skip).limit(pageSize).map(this::view).toList();
    return new SilenceList(page, all.size(), pageSize, skip);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one silence")
  SilenceView get(@PathVariable long id) {
    return view(book.get(id));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Update a silence",
      description =
          "As Alertmanager: a change of matchers, or of an active silence's start, expires this"
              + " silence and answers a new one with a new id.")
  SilenceView update(@PathVariable long id, @RequestBody SilenceRequest body, Actor actor) {
    Silence previous = book.get(id);
    return view(book.update(previous, body.draft(actor.name())));
  }

  @PostMapping("/{id}/expire")
  @Operation(summary = "End a silence now; an expired silence stays as it is")
  SilenceView expire(@PathVariable long id) {
    return view(book.expire(book.get(id)));
  }

  @PostMapping("/preview")
  @Operation(summary = "The active alerts that a silence with these matchers would suppress")
  Preview preview(@RequestBody SilenceRequest body) {
    var sets = body.sets();
    Silence probe = new Silence(0, "", sets, Instant.EPOCH, Instant.MAX, "", "", Instant.EPOCH);
    List<Alert> matching =
        active.all().stream().filter(alert -> probe.matches(Labels.of(alert))).toList();
    return new Preview(matching.stream().map(AlertView::of).toList(), matching.size());
  }

  private SilenceView view(Silence silence) {
    return SilenceView.of(silence, book.now());
  }

  private static int number(String field, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInput(field, "must be a whole number between " + min + " and " + max);
  }
}
