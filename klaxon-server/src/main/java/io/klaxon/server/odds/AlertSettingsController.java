package io.klaxon.server.odds;

import io.klaxon.access.Actor;
import io.klaxon.detect.odds.OddsSettings;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.settings.SettingsChange;
import io.klaxon.settings.SettingsStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and changes the risk alert settings (seed 000); every change is recorded. */
@RestController
@Tag(name = "settings")
class AlertSettingsController {

  private final AlertSettings settings;
  private final SettingsStore store;
  private final ObjectMapper json;
  private final InstantSource clock;

  AlertSettingsController(
      AlertSettings settings, SettingsStore store, ObjectMapper json, InstantSource clock) {
    this.settings = settings;
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/api/settings")
  @Operation(summary = "The risk alert settings in force")
  AlertSettingsView get() {
    return AlertSettingsView.of(settings.current());
  }

  @PutMapping("/api/settings")
  @Operation(
      summary = "Change some or all of the risk alert settings",
      description =
          "Fields left out keep their value. 0 < warning < elevated < critical, retention at"
              + " least 1 day, look-back 1 to 1440 minutes; a bad value refuses the whole change.")
  AlertSettingsView put(@RequestBody JsonNode changes, Actor actor) {
    if (!changes.isObject()) {
      throw new InvalidInput("body", "must be an object of the settings to change");
    }
    ObjectNode merged = json.valueToTree(AlertSettingsView.of(settings.current()));
    for (Map.Entry<String, JsonNode> field : changes.properties()) {
      if (!merged.has(field.getKey())) {
        throw new InvalidInput(field.getKey(), "unknown setting; known: " + merged.propertyNames());
      }
      merged.set(field.getKey(), field.getValue());
    }
    FieldErrors errors = new FieldErrors();
    AlertSettingsView view = errors.read(json, merged, AlertSettingsView.class, "");
    OddsSettings next = view == null ? null : errors.attempt("", view::toSettings);
    errors.throwIfAny();
    Objects.requireNonNull(next); // throwIfAny() threw where there was none
    settings.replace(next, actor, clock.instant());
    return AlertSettingsView.of(next);
  }

  @GetMapping("/api/settings/history")
  @Operation(summary = "Every change of the risk alert settings, newest first")
  List<SettingsChange> history() {
    return store.history(AlertSettings.SECTION, 1000);
  }
}
