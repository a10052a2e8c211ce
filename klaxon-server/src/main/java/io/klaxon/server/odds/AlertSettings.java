package io.klaxon.server.odds;

import io.klaxon.access.Actor;
import io.klaxon.detect.odds.OddsSettings;
import io.klaxon.server.jobs.RetentionPeriod;
import io.klaxon.settings.SettingsStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The risk alert settings in force: saved ones from the store, else the {@code klaxon.odds.*}
 * defaults; changes apply to the detector at once, without a restart.
 */
@Component
public class AlertSettings implements RetentionPeriod {

  public static final String SECTION = "alerts";

  private final SettingsStore store;
  private final ObjectMapper json;
  private final AtomicReference<OddsSettings> current;

  AlertSettings(SettingsStore store, ObjectMapper json, OddsProperties defaults) {
    this.store = store;
    this.json = json;
    OddsSettings initial =
        store
            .load(SECTION)
            .map(text -> json.readValue(text, AlertSettingsView.class).toSettings())
            .orElseGet(defaults::settings);
    this.current = new AtomicReference<>(initial);
  }

  public OddsSettings current() {
    return current.get();
  }

  /** The {@code alertRetentionDays} in force, for the retention job. */
  @Override
  public Duration retention() {
    return Duration.ofDays(current.get().retentionDays());
  }

  /** Saves new settings with who changed them, then puts them in force. */
  public void replace(OddsSettings settings, Actor actor, java.time.Instant at) {
    store.save(SECTION, json.writeValueAsString(AlertSettingsView.of(settings)), actor, at);
    current.set(settings);
  }
}
