package io.klaxon.server.hosts;

import io.klaxon.access.Actor;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.settings.SettingsChange;
import io.klaxon.settings.SettingsStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host detector's thresholds and timings, saved in the database. Until the first PUT, the
 * {@code klaxon.hosts.*} properties apply. (A shared {@code /api/settings} for every detector is to
 * come; this is its {@code hosts} section.)
 */
@RestController
@RequestMapping("/api/settings/hosts")
@Tag(name = "hosts")
class HostSettingsController {

  /** The section of the settings history host settings changes are recorded under. */
  static final String SECTION = "hosts";

  private final HostMonitor monitor;
  private final SettingsStore history;

  HostSettingsController(HostMonitor monitor, SettingsStore history) {
    this.monitor = monitor;
    this.history = history;
  }

  @GetMapping
  @Operation(summary = "The host detector's settings in force")
  SettingsBody get() {
    return SettingsBody.of(monitor.settings());
  }

  @PutMapping
  @Operation(
      summary = "Replace the host detector's settings",
      description = "Every field is required; each one missing or out of range is named (400).")
  SettingsBody put(@RequestBody SettingsBody body, Actor actor) {
    monitor.updateSettings(body.toSettings(), actor);
    return SettingsBody.of(monitor.settings());
  }

  @GetMapping("/history")
  @Operation(summary = "Every change of the host settings, newest first, with who made it")
  List<SettingsChange> changes() {
    return history.history(SECTION, 1000);
  }
}
