package io.klaxon.server.alertmanager;

import io.klaxon.server.KlaxonApplication;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's v2 status and receivers, answered honestly: one receiver, no cluster. Silences are
 * {@link SilencesV2Controller}'s.
 */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "alertmanager")
class StatusV2Controller {

  private final AlertmanagerSettings settings;
  private final InhibitRuleStore inhibitRules;
  private final String startedAt;

  StatusV2Controller(
      AlertmanagerSettings settings, InhibitRuleStore inhibitRules, InstantSource clock) {
    this.inhibitRules = inhibitRules;
    this.settings = settings;
    this.startedAt = GettableAlert.format(clock.instant());
  }

  /** {@code alertmanagerStatus}. */
  record Status(Cluster cluster, VersionInfo versionInfo, Config config, String uptime) {}

  /** {@code clusterStatus}: Klaxon does not gossip, so the cluster is disabled. */
  record Cluster(String status, List<Object> peers) {}

  /** {@code versionInfo}: Klaxon's own version; the Go fields say it is not Go. */
  record VersionInfo(
      String version,
      String revision,
      String branch,
      String buildUser,
      String buildDate,
      String goVersion) {}

  /** {@code alertmanagerConfig}: the configuration that Klaxon behaves as, as YAML. */
  record Config(String original) {}

  @GetMapping("/status")
  @Operation(summary = "Alertmanager status: what amtool and Grafana check to connect")
  Status status() {
    String version =
        Objects.requireNonNullElse(
            KlaxonApplication.class.getPackage().getImplementationVersion(), "dev");
    return new Status(
        new Cluster("disabled", List.of()),
        new VersionInfo(
            "klaxon-" + version,
            "",
            "",
            "klaxon",
            "",
            "none (Java " + Runtime.version().feature() + ")"),
        new Config(configYaml()),
        startedAt);
  }

  @GetMapping("/receivers")
  @Operation(summary = "Alertmanager receivers: Klaxon itself")
  List<GettableAlert.Receiver> receivers() {
    return List.of(new GettableAlert.Receiver(settings.receiver()));
  }

  private String configYaml() {
    return """
    global:
      resolve_timeout: %s
    route:
      receiver: %s
    receivers:
    - name: %s
    %stemplates: []
    """
        .formatted(
            goDuration(settings.resolveTimeout()),
            settings.receiver(),
            settings.receiver(),
            inhibitRulesYaml(inhibitRules.all()));
  }

  /** The inhibition rules in force, as Alertmanager's {@code inhibit_rules}; none, nothing. */
  static String inhibitRulesYaml(List<InhibitRule> rules) {
    if (rules.isEmpty()) {
      return "";
    }
    StringBuilder yaml = new StringBuilder("inhibit_rules:\n");
    for (InhibitRule rule : rules) {
      yaml.append("- name: ").append(quoted(rule.name())).append('\n');
      yaml.append("  source_matchers:\n");
      rule.source().forEach(m -> yaml.append("  - ").append(quoted(m.toString())).append('\n'));
      yaml.append("  target_matchers:\n");
      rule.target().forEach(m -> yaml.append("  - ").append(quoted(m.toString())).append('\n'));
      if (!rule.equal().isEmpty()) {
        yaml.append("  equal:\n");
        rule.equal().forEach(label -> yaml.append("  - ").append(quoted(label)).append('\n'));
      }
    }
    return yaml.toString();
  }

  /** A YAML single-quoted scalar: any text, quotes doubled. */
  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A duration as Prometheus writes one: {@code 5m}, {@code 1h30m}, {@code 90ms}. */
  static String goDuration(Duration duration) {
    StringBuilder text = new StringBuilder();
    long hours = duration.toHours();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    if (duration.toSecondsPart() > 0) {
      text.append(duration.toSecondsPart()).append('s');
    }
    if (duration.toMillisPart() > 0) {
      text.append(duration.toMillisPart()).append("ms");
    }
    return text.isEmpty() ? "0s" : text.toString();
  }
}
