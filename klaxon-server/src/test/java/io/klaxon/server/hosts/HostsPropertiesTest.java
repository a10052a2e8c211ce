package io.klaxon.server.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code klaxon.hosts.*} binds to the detector's settings, seed 002's defaults filling gaps. */
class HostsPropertiesTest {

  @Test
  void withNothingSet_theSettingsAreTheDefaults() {
    HostsProperties properties = bind(Map.of());

    assertThat(properties.settings()).isEqualTo(HostSettings.defaults());
    assertThat(properties.checkInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aLevelSetAlone_keepsTheOtherDefaultsOfItsMetric() {
    HostSettings settings =
        bind(Map.of(
                "klaxon.hosts.disk.high", "70",
                "klaxon.hosts.cool-down", "5m",
                "klaxon.hosts.auto-register", "false"))
            .settings();

    assertThat(settings.disk()).isEqualTo(new HostSettings.Thresholds(70, 95, 1));
    assertThat(settings.cpu()).isEqualTo(HostSettings.defaults().cpu());
    assertThat(settings.coolDownSeconds()).isEqualTo(300);
    assertThat(settings.autoRegister()).isFalse();
  }

  @Test
  void aLevelOutOfRange_isRefusedNamingIt() {
    HostsProperties properties = bind(Map.of("klaxon.hosts.cpu.critical", "80"));

    assertThatThrownBy(properties::settings)
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("cpu.critical");
  }

  @Test
  void theMetricHistory_keepsSevenDays_everySampleForADay_andRefusesPeriodsThatCannotBe() {
    HostsProperties defaults = bind(Map.of());
    assertThat(defaults.sampleRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.sampleRollupAfter()).isEqualTo(Duration.ofDays(1));

    assertThatThrownBy(() -> bind(Map.of("klaxon.hosts.sample-retention", "0s")))
        .hasStackTraceContaining("klaxon.hosts.sample-retention");
    assertThatThrownBy(() -> bind(Map.of("klaxon.hosts.sample-rollup-after", "8d")))
        .hasStackTraceContaining("klaxon.hosts.sample-rollup-after");
  }

  private static HostsProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("klaxon.hosts", HostsProperties.class);
  }
}
