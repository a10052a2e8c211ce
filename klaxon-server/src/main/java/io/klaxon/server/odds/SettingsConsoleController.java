package io.klaxon.server.odds;

import io.klaxon.access.Actor;
import io.klaxon.detect.odds.OddsSettings;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.When;
import io.klaxon.settings.SettingsChange;
import io.klaxon.settings.SettingsStore;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk alert settings form (seed 000's names): the server validates, as {@code PUT
 * /api/settings} does, and shows each refusal beside its field; every change is recorded.
 */
@Controller
@ConsolePage
class SettingsConsoleController {

  /** The settings form's fields, in order, with their labels. */
  static final Map<String, String> FIELDS;

  static {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("alertEnabled", "Alerts enabled");
    fields.put("alertThresholdWarning", "Warning threshold (%)");
    fields.put("alertThresholdElevated", "Elevated threshold (%)");
    fields.put("alertThresholdCritical", "Critical threshold (%)");
    fields.put("alertRetentionDays", "Retention (days)");
    fields.put("alertLookbackMinutes", "Look-back (minutes)");
    fields.put("houseBookmaker", "House bookmaker");
    FIELDS = fields;
  }

  /** One change of the settings, for the history list. */
  public record ChangeRow(When at, String actor, String values) {}

  private final AlertSettings settings;
  private final SettingsStore store;
  private final InstantSource clock;

  SettingsConsoleController(AlertSettings settings, SettingsStore store, InstantSource clock) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
  }

  @GetMapping("/settings")
  String show(Model model) {
    AlertSettingsView current = AlertSettingsView.of(settings.current());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("alertEnabled", Boolean.toString(current.alertEnabled()));
    values.put("alertThresholdWarning", number(current.alertThresholdWarning()));
    values.put("alertThresholdElevated", number(current.alertThresholdElevated()));
    values.put("alertThresholdCritical", number(current.alertThresholdCritical()));
    values.put("alertRetentionDays", Integer.toString(current.alertRetentionDays()));
    values.put("alertLookbackMinutes", Integer.toString(current.alertLookbackMinutes()));
    values.put("houseBookmaker", current.houseBookmaker());
    return page(model, values, Map.of());
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  @PostMapping("/settings")
  String save(
      @RequestParam Map<String, String> params,
      Actor actor,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : FIELDS.keySet()) {
      String value = params.get(field);
      values.put(field, value == null ? "" : value.strip());
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Boolean enabled =
        switch (Objects.requireNonNull(values.get("alertEnabled"))) { // every field was put
          case "true" -> true;
          case "false" -> false;
          default -> {
            add(errors, "alertEnabled", "choose yes or no");
            yield null;
          }
        };
    Double warning = decimal(values, "alertThresholdWarning", errors);
    Double elevated = decimal(values, "alertThresholdElevated", errors);
    Double critical = decimal(values, "alertThresholdCritical", errors);
    Integer retention = whole(values, "alertRetentionDays", errors);
    Integer lookback = whole(values, "alertLookbackMinutes", errors);
    String house = values.get("houseBookmaker");
    OddsSettings next = null;
    if (errors.isEmpty()) {
      try {
        next =
            // No errors: every value was read.
            new AlertSettingsView(
                    Objects.requireNonNull(enabled),
                    Objects.requireNonNull(warning),
                    Objects.requireNonNull(elevated),
                    Objects.requireNonNull(critical),
                    Objects.requireNonNull(retention),
                    Objects.requireNonNull(lookback),
                    Objects.requireNonNull(house))
                .toSettings();
      } catch (InvalidInput e) {
        for (InvalidInput.FieldError error : e.errors()) {
          add(errors, FIELDS.containsKey(error.field()) ? error.field() : "form", error.reason());
        }
      }
    }
    if (next == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, values, errors);
    }
    settings.replace(next, actor, clock.instant());
    flash.addFlashAttribute("notice", "Settings saved; the detector uses them now.");
    return "redirect:/settings";
  }

  private String page(Model model, Map<String, String> values, Map<String, List<String>> errors) {
    Instant now = clock.instant();
    model.addAttribute("fields", FIELDS);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    List<ChangeRow> history = new ArrayList<>();
    for (SettingsChange change : store.history(AlertSettings.SECTION, 20)) {
      history.add(
          new ChangeRow(
              java.util.Objects.requireNonNull(When.of(change.at(), now)),
              change.actor(),
              change.newValue()));
    }
    model.addAttribute("history", history);
    return "console/settings";
  }

  private static void add(Map<String, List<String>> errors, String field, String reason) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(reason);
  }

  private static @Nullable Double decimal(
      Map<String, String> values, String field, Map<String, List<String>> errors) {
    try {
      double value = Double.parseDouble(values.get(field));
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      add(errors, field, "must be a number");
      return null;
    }
  }

  private static @Nullable Integer whole(
      Map<String, String> values, String field, Map<String, List<String>> errors) {
    try {
      return Integer.valueOf(values.get(field));
    } catch (NumberFormatException e) {
      add(errors, field, "must be a whole number");
      return null;
    }
  }
}
