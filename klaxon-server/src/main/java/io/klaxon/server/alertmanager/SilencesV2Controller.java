package io.klaxon.server.alertmanager;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.MatchType;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.SilenceBook;
import io.klaxon.suppress.SilenceState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's v2 silence endpoints, answered as Alertmanager answers them, so that {@code amtool
 * silence add|query|expire|import|update} and Grafana work unchanged. Silences are Klaxon's own
 * (the same as {@code /api/silences}), known here by their UUID.
 */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "alertmanager")
class SilencesV2Controller {

  private final SilenceBook book;

  SilencesV2Controller(SilenceBook book) {
    this.book = book;
  }

  /** {@code postSilences}' answer. */
  record Created(String silenceID) {}

  @GetMapping("/silences")
  @Operation(
      summary = "List silences (Alertmanager API v2)",
      description =
          "filter: matchers a silence must hold exactly; active, pending, expired: include those.")
  List<SilenceJson.Gettable> list(@RequestParam MultiValueMap<String, String> params) {
    List<LabelMatcher> filters = new ArrayList<>();
    for (String text : params.getOrDefault("filter", List.of())) {
      try {
        io.klaxon.server.alertmanager.LabelMatcher parsed =
            io.klaxon.server.alertmanager.LabelMatcher.parse(text);
        filters.add(
            LabelMatcher.of("filter", parsed.name(), type(parsed.operator()), parsed.value()));
      } catch (io.klaxon.server.alertmanager.LabelMatcher.Malformed e) {
        throw AlertmanagerError.badRequest(e.getMessage());
      } catch (InvalidInput e) {
        throw AlertmanagerError.badRequest(e.getMessage());
      }
    }
    Set<SilenceState> states = EnumSet.noneOf(SilenceState.class);
    for (SilenceState state : SilenceState.values()) {
      if (AlertFilter.flag(params, state.word())) {
        states.add(state);
      }
    }
    if (states.isEmpty()) {
      return List.of();
    }
    Instant now = book.now();
    return book.list(states).stream()
        .filter(silence -> holdsAll(silence, filters))
        .map(silence -> SilenceJson.Gettable.of(silence, now))
        .toList();
  }

  @PostMapping("/silences")
  @Operation(
      summary = "Create or update a silence (Alertmanager API v2)",
      description =
          "With an id, updates that silence as Alertmanager does (a change of matchers expires it"
              + " and creates a new one); answers {silenceID}.")
  Created post(@RequestBody JsonNode body) {
    SilenceJson.Posted posted = SilenceJson.read(body);
    try {
      if (posted.id() == null) {
        return new Created(book.create(posted.draft()).uuid());
      }
      Silence previous = find(posted.id());
      return new Created(book.update(previous, posted.draft()).uuid());
    } catch (InvalidInput e) {
      throw AlertmanagerError.badRequest(message(e));
    }
  }

  @GetMapping("/silence/{id}")
  @Operation(summary = "Read one silence by its UUID (Alertmanager API v2)")
  ResponseEntity<SilenceJson.Gettable> get(@PathVariable String id) {
    uuid(id);
    return book.findByUuid(id)
        .map(silence -> ResponseEntity.ok(SilenceJson.Gettable.of(silence, book.now())))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @DeleteMapping("/silence/{id}")
  @Operation(summary = "Expire a silence now (Alertmanager API v2)")
  ResponseEntity<Void> expire(@PathVariable String id) {
    uuid(id);
    return book.findByUuid(id)
        .map(
            silence -> {
              book.expire(silence);
              return ResponseEntity.ok().<Void>build();
            })
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private Silence find(String id) {
    try {
      return book.getByUuid(id);
    } catch (NotFound e) {
      throw AlertmanagerError.notFound("silence not found");
    }
  }

  /** Alertmanager's OpenAPI layer refuses a path id that is not a UUID. */
  private static void uuid(String id) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw AlertmanagerError.unprocessable(
          "silenceID in path must be of type uuid: \"" + id + "\"");
    }
  }

  /**
   * Alertmanager lists a silence for a filter when, for each filter matcher, the silence has a
   * matcher with the same name, operator and value.
   */
  private static boolean holdsAll(Silence silence, List<LabelMatcher> filters) {
    return silence.matcherSets().stream().anyMatch(set -> set.containsAll(filters));
  }

  private static MatchType type(io.klaxon.server.alertmanager.LabelMatcher.Operator operator) {
    return switch (operator) {
      case EQUAL -> MatchType.EQUAL;
      case NOT_EQUAL -> MatchType.NOT_EQUAL;
      case REGEX -> MatchType.REGEX;
      case NOT_REGEX -> MatchType.NOT_REGEX;
    };
  }

  /** The messages Alertmanager's handler gives for the same faults. */
  private static String message(InvalidInput e) {
    return e.errors().stream()
        .map(
            error ->
                error.field().equals("endsAt")
                    ? "Failed to create silence: " + error.reason()
                    : "invalid silence: " + error.field() + ": " + error.reason())
        .collect(Collectors.joining("; "));
  }
}
