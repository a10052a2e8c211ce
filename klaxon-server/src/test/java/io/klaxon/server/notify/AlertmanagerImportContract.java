package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing an {@code alertmanager.yml}, differentially against Alertmanager's own router: for each
 * file of the corpus ({@code src/test/resources/alertmanager-configs}) and many label sets,
 * Klaxon's {@code POST /api/routes/test} names the receivers {@code amtool config routes test}
 * names, in the same order. Also the dry run, faults, secrets from files, what is not taken, and
 * the export. The imported root takes every alert, so these tests have a server of their own.
 */
abstract class AlertmanagerImportContract extends NotificationsFixture {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Label values the corpus's matchers are about, and some they are not; "" leaves it out. */
  private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("alertname", List.of("Watchdog", "DiskFull", "DiskSlow", "RaidDegraded", "Up"));
    VALUES.put("severity", List.of("critical", "high", "warning", "info", "low", ""));
    VALUES.put("team", List.of("db", "web", "api", "ops", "sre", "db ops", ""));
    VALUES.put("env", List.of("prod", "staging", ""));
    VALUES.put(
        "service",
        List.of("postgres", "postgres-replica", "mysql", "mariadb", "files", "api", "web", ""));
    VALUES.put("instance", List.of("nas-01:9100", "nas-04:9100", "web-1:8080", ""));
    VALUES.put("cluster", List.of("eu1", "us1", ""));
    VALUES.put("region", List.of("eu-west", "us-east", "eu-", ""));
    VALUES.put("owner", List.of("o\"brien", "x", ""));
    VALUES.put("job", List.of("node", "blackbox", ""));
    VALUES.put("odd_label", List.of("x y", ""));
  }

  static Path config(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(
                  AlertmanagerImportContract.class.getResource("/alertmanager-configs/" + name))
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Api.Answer importYaml(String yaml, String query) {
    return api.send(
        api.request("/api/config/alertmanager" + query)
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml)));
  }

  JsonNode routeTest(Map<String, String> labels) {
    Api.Answer answer =
        api.post("/api/routes/test", JSON.writeValueAsString(Map.of("labels", labels)));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.json();
  }

  static String receivers(JsonNode answer) {
    List<String> names = new ArrayList<>();
    answer.path("receivers").forEach(name -> names.add(name.asString()));
    return String.join(",", names);
  }

  /** Label sets drawn from {@link #VALUES}, the same for a seed; each has an alertname. */
  static List<Map<String, String>> labelSets(long seed, int count) {
    Random random = new Random(seed);
    List<Map<String, String>> sets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> labels = new TreeMap<>();
      VALUES.forEach(
          (name, values) -> {
            if (name.equals("alertname") || random.nextInt(10) < 6) {
              String value = values.get(random.nextInt(values.size()));
              if (!value.isEmpty()) {
                labels.put(name, value);
              }
            }
          });
      sets.add(labels);
    }
    return sets;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nested.yml", "legacy.yml", "intervals.yml", "flat.yml", "inhibit-intervals.yml"})
  void everyLabelSetReachesTheReceiversAmtoolNamesInTheSameOrder(String file) {
    Path config = config(file);
    Api.Answer imported = importYaml(read(config), "");
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
    int compared = 0;
    for (Map<String, String> labels : labelSets(file.hashCode(), 60)) {
      String expected = Amtool.routesTest(config, labels);
      assertThat(receivers(routeTest(labels))).as("%s %s", file, labels).isEqualTo(expected);
      compared++;
    }
    assertThat(compared).isEqualTo(60);
  }

  @Test
  void theRouteTestNamesEachRouteTakenWithAlertmanagersGroupKey() {
    assertThat(importYaml(read(config("nested.yml")), "").status()).isEqualTo(200);
    JsonNode answer =
        routeTest(
            Map.of(
                "alertname",
                "Lag",
                "team",
                "db",
                "service",
                "postgres",
                "severity",
                "warning",
                "cluster",
                "eu1"));
    assertThat(receivers(answer)).isEqualTo("db-postgres,db");
    assertThat(answer.path("routes").get(0).path("route").asString()).isEqualTo("am.1.1");
    assertThat(answer.path("routes").get(0).path("path").toString())
        .isEqualTo("[\"am\",\"am.1\",\"am.1.1\"]");
    assertThat(answer.path("routes").get(0).path("groupKey").asString())
        .isEqualTo(
            "{}/{team=\"db\"}/{service=~\"postgres.*\"}:{alertname=\"Lag\", cluster=\"eu1\"}");
    assertThat(answer.path("routes").get(1).path("groupKey").asString())
        .isEqualTo("{}/{team=\"db\"}/{service!~\"mysql|maria.*\"}:{service=\"postgres\"}");
    // The blackhole receiver has no integrations: the route takes the alert and sends nothing.
    JsonNode watchdog = routeTest(Map.of("alertname", "Watchdog"));
    assertThat(receivers(watchdog)).isEqualTo("blackhole");
    assertThat(watchdog.path("routes").get(0).path("receivers").size()).isZero();
  }

  @Test
  void aDryRunAnswersWhatWouldBeDoneAndChangesNothing() {
    String before = api.get("/api/routes").raw().body();
    Api.Answer dry = importYaml(read(config("legacy.yml")), "?dryRun=true");
    assertThat(dry.status()).as(dry.raw().body()).isEqualTo(200);
    assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
    assertThat(dry.json().path("routes").size()).isEqualTo(9);
    assertThat(dry.json().path("receivers").size()).isEqualTo(9);
    assertThat(api.get("/api/routes").raw().body()).isEqualTo(before);
  }

  @Test
  void aFaultyFileIsRefusedWholeNamingEveryFaultAndWritesNothing() {
    String before = api.get("/api/routes").raw().body();
    String receiversBefore = api.get("/api/receivers").raw().body();
    Api.Answer refused =
        importYaml(
            """
            route:
              receiver: team
              routes:
                - matchers: ['severity=~"("']
                  receiver: nobody
                - matchers: ['x=1']
                  group_wait: soon
            receivers:
              - name: team
                webhook_configs: [{url: 'http://127.0.0.1:9/t'}]
              - name: pager
                pagerduty_configs: [{service_key: old}]
            """,
            "");
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.fields())
        .contains(
            "route.routes[0].matchers[0]",
            "route.routes[0].receiver",
            "route.routes[1].group_wait",
            "receivers[1].pagerduty_configs[0].routing_key");
    assertThat(api.get("/api/routes").raw().body()).isEqualTo(before);
    assertThat(api.get("/api/receivers").raw().body()).isEqualTo(receiversBefore);

    assertThat(importYaml("route: [", "").status()).isEqualTo(400);
    assertThat(importYaml("receivers: []", "").fields()).contains("route");
  }

  @Test
  void elementsNotTakenAreListedWithTheirReason() {
    Api.Answer imported = importYaml(read(config("intervals.yml")), "");
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
    Map<String, String> notTaken = new LinkedHashMap<>();
    imported
        .json()
        .path("notTaken")
        .forEach(
            item -> notTaken.put(item.path("path").asString(), item.path("reason").asString()));
    assertThat(notTaken).containsKey("templates");
    assertThat(notTaken)
        .as("imported since issue 20's second part")
        .doesNotContainKeys(
            "inhibit_rules",
            "time_intervals",
            "route.routes[0].active_time_intervals",
            "route.routes[1].mute_time_intervals");
    Api.Answer nested = importYaml(read(config("nested.yml")), "");
    List<String> reasons = new ArrayList<>();
    nested
        .json()
        .path("notTaken")
        .forEach(
            item ->
                reasons.add(item.path("path").asString() + ": " + item.path("reason").asString()));
    assertThat(reasons)
        .contains(
            "receivers[4].slack_configs[0].title: a Go template: Klaxon writes its own message",
            "global.resolve_timeout: a server setting in Klaxon: start it with"
                + " --klaxon.alertmanager.resolve-timeout=5m");
    Api.Answer unknown =
        importYaml(
            """
            route: {receiver: r, colour: red}
            receivers: [{name: r, sns_configs: [{topic_arn: x}]}]
            """,
            "");
    assertThat(unknown.raw().body())
        .contains("route.colour", "not a setting Klaxon knows")
        .contains("receivers[0].sns_configs", "Klaxon has no receiver of this kind");
  }

  @Test
  void secretsAreReadFromTheirFilesRelativeToTheBaseDirectory() throws IOException {
    Path dir = Files.createTempDirectory("am-secrets-");
    Files.writeString(dir.resolve("slack.url"), "http://127.0.0.1:9/from-file\n");
    Files.writeString(dir.resolve("pd.key"), "Rfromfile0123456789abcdef012345\n");
    Api.Answer imported =
        importYaml(
            """
            route: {receiver: chat, routes: [{receiver: pager, matchers: ['severity="critical"']}]}
            receivers:
              - name: chat
                slack_configs: [{api_url_file: slack.url, channel: '#x'}]
              - name: pager
                pagerduty_configs: [{routing_key_file: pd.key, url: 'http://127.0.0.1:9/v2/enqueue'}]
            """,
            "?baseDir=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
    assertThat(api.get("/api/receivers/chat").text("/url"))
        .isEqualTo("http://127.0.0.1:9/from-file");
    assertThat(api.get("/api/receivers/pager").text("/routingKey")).isEqualTo("********");
    assertThat(api.get("/api/receivers/pager").text("/url")).isEqualTo("http://127.0.0.1:9");
    assertThat(imported.raw().body()).doesNotContain("Rfromfile");

    Api.Answer missing =
        importYaml(
            """
            route: {receiver: chat}
            receivers: [{name: chat, slack_configs: [{api_url_file: /nonexistent/slack.url}]}]
            """,
            "");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.fields()).contains("receivers[0].slack_configs[0].api_url_file");
  }

  @Test
  void aLaterImportReplacesTheRoutesOfAnEarlierOne() {
    assertThat(importYaml(read(config("nested.yml")), "").status()).isEqualTo(200);
    Api.Answer second = importYaml(read(config("flat.yml")), "");
    assertThat(second.status()).as(second.raw().body()).isEqualTo(200);
    assertThat(second.json().path("removedRoutes").toString()).contains("am.1.0", "am.4");
    List<String> names = new ArrayList<>();
    api.get("/api/routes").json().forEach(route -> names.add(route.path("name").asString()));
    assertThat(names).startsWith("am", "am.0", "am.1", "am.2", "am.3").doesNotContain("am.4");
  }

  @Test
  void theExportIsAnAlertmanagerFileThatRoutesTheSame() throws IOException {
    assertThat(importYaml(read(config("nested.yml")), "").status()).isEqualTo(200);
    Api.Answer exported = api.get("/api/config/alertmanager");
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.contentType()).startsWith("application/yaml");
    assertThat(exported.raw().body()).doesNotContain("k3y");
    Path file = Files.createTempFile("exported-", ".yml");
    Files.writeString(file, exported.raw().body());
    assertThat(Amtool.run(List.of("check-config", file.toString()))).contains("SUCCESS");
    for (Map<String, String> labels : labelSets(7, 25)) {
      assertThat(Amtool.routesTest(file, labels))
          .as("%s", labels)
          .isEqualTo(Amtool.routesTest(config("nested.yml"), labels));
    }
    Files.deleteIfExists(file);
  }

  @Test
  void theCommandLineImportsDryRunsExportsAndTestsRoutesThroughTheServer() throws IOException {
    Path key = Files.createTempFile("klaxon-key-", ".txt");
    Files.writeString(key, Api.ADMIN_KEY + "\n");
    String[] server = {"--url=http://127.0.0.1:" + port, "--key-file=" + key};

    String before = api.get("/api/routes").raw().body();
    Run dry =
        command(
            "import-alertmanager",
            config("intervals.yml").toString(),
            "--dry-run",
            server[0],
            server[1]);
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out())
        .startsWith("Would import 2 receivers and 5 routes from ")
        .contains("Not taken:", "  templates: ")
        .contains("  time interval business-hours", "  inhibition rule am.inhibit.0: ");
    assertThat(api.get("/api/routes").raw().body()).isEqualTo(before);

    Run imported =
        command("import-alertmanager", config("intervals.yml").toString(), server[0], server[1]);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("Imported 2 receivers and 5 routes");

    Run routed = command("routes-test", "severity=critical", "team=db", server[0], server[1]);
    assertThat(routed.out().strip())
        .isEqualTo(
            Amtool.routesTest(
                config("intervals.yml"), Map.of("severity", "critical", "team", "db")));

    Run exported = command("export-alertmanager", server[0], server[1]);
    assertThat(exported.code()).isZero();
    assertThat(exported.out()).contains("receiver: \"mail\"").contains("slack_configs");

    Path broken = Files.createTempFile("broken-", ".yml");
    Files.writeString(broken, "route: {receiver: nobody}\nreceivers: []\n");
    Run refused = command("import-alertmanager", broken.toString(), server[0], server[1]);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("route.receiver: no receiver is named 'nobody'");
    Files.deleteIfExists(broken);
    Files.deleteIfExists(key);
  }

  @Test
  void eachKindOfIntegrationBecomesTheKlaxonReceiverOfItsKind() {
    Api.Answer dry =
        importYaml(
            """
            global:
              smtp_smarthost: 127.0.0.1:2525
              smtp_from: am@example.com
              smtp_auth_username: am
              smtp_auth_password: pw
            route: {receiver: many}
            receivers:
              - name: many
                email_configs: [{to: 'a@example.com,b@example.com', send_resolved: true}]
                mattermost_configs: [{webhook_url: 'http://127.0.0.1:9/mm', channel: ops}]
                msteamsv2_configs: [{webhook_url: 'http://127.0.0.1:9/teams'}]
                discord_configs: [{webhook_url: 'http://127.0.0.1:9/discord'}]
                webhook_configs:
                  - url: 'http://127.0.0.1:9/hook'
                    http_config: {authorization: {credentials: t0ken}}
            """,
            "?dryRun=true");
    assertThat(dry.status()).as(dry.raw().body()).isEqualTo(200);
    JsonNode receivers = dry.json().path("receivers");
    Map<String, String> types = new LinkedHashMap<>();
    receivers.forEach(r -> types.put(r.path("name").asString(), r.path("type").asString()));
    assertThat(types)
        .containsExactly(
            Map.entry("many.webhook-0", "webhook"),
            Map.entry("many.email-1", "email"),
            Map.entry("many.teams-2", "teams"),
            Map.entry("many.discord-3", "discord"),
            Map.entry("many.mattermost-4", "mattermost"));
    assertThat(receivers.get(0).path("headers").path("Authorization").asString())
        .isEqualTo("Bearer t0ken");
    assertThat(receivers.get(1).path("to").toString())
        .isEqualTo("[\"a@example.com\",\"b@example.com\"]");
    assertThat(receivers.get(1).path("smtpHost").asString()).isEqualTo("127.0.0.1");
    assertThat(receivers.get(1).path("smtpPort").asInt()).isEqualTo(2525);
    assertThat(receivers.get(1).path("username").asString()).isEqualTo("am");
    assertThat(receivers.get(1).path("password").asString()).isEqualTo("********");
    assertThat(receivers.get(4).path("channel").asString()).isEqualTo("ops");
    assertThat(dry.json().path("routes").get(0).path("notifyOn").toString())
        .isEqualTo("[\"opened\",\"escalated\",\"resolved\"]");

    // The host guard applies as through /api/receivers: Pushover's public API is not allowed here.
    Api.Answer guarded =
        importYaml(
            """
            route: {receiver: phone}
            receivers: [{name: phone, pushover_configs: [{user_key: u, token: t}]}]
            """,
            "?dryRun=true");
    assertThat(guarded.status()).isEqualTo(400);
    assertThat(guarded.fields()).contains("receivers[0].pushover_configs[0].url");
  }

  @Test
  void alertsFromPrometheusAreNotifiedThroughTheImportedTreeInAlertmanagersGroups() {
    Api.Answer imported =
        importYaml(
            """
            route:
              receiver: all
              group_by: [alertname]
              group_wait: 30s
              routes:
                - matchers: ['team="db"']
                  receiver: db
            receivers:
              - name: all
                webhook_configs: [{url: '%s'}]
              - name: db
                webhook_configs: [{url: '%s'}]
            """
                .formatted(receiver.url(path("all")), receiver.url(path("db"))),
            "");
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
    String lag = "Lag" + source;
    Api.Answer posted =
        api.post(
            "/api/v2/alerts",
            """
            [{"labels": {"alertname": "%s", "team": "db", "instance": "a:9100"}},
             {"labels": {"alertname": "%s", "team": "db", "instance": "b:9100"}},
             {"labels": {"alertname": "%s", "team": "web", "instance": "c:9100"}}]
            """
                .formatted(lag, lag, lag));
    assertThat(posted.status()).as(posted.raw().body()).isEqualTo(200);
    awaitJobRounds();
    assertThat(receiver.requests(path("db"))).as("within the group wait").isEmpty();

    clock.advance(Duration.ofSeconds(30));
    eventually()
        .until(
            () ->
                receiver.delivered(path("db")).size() == 1
                    && receiver.delivered(path("all")).size() == 1);
    JsonNode db = receiver.delivered(path("db")).getFirst().json();
    assertThat(db.at("/alerts")).hasSize(2);
    assertThat(db.at("/route").asString()).isEqualTo("am.0");
    assertThat(db.at("/groupKey").asString()).isEqualTo("label.alertname=" + lag);
    assertThat(receiver.delivered(path("all")).getFirst().json().at("/alerts")).hasSize(1);
  }

  @Test
  void inhibitRulesAndTimeIntervalsAreShownInTheDryRunImportedAndExportedForAmtool()
      throws IOException {
    String rulesBefore = api.get("/api/inhibit-rules").raw().body();
    Api.Answer dry = importYaml(read(config("inhibit-intervals.yml")), "?dryRun=true");
    assertThat(dry.status()).as(dry.raw().body()).isEqualTo(200);
    assertThat(dry.json().path("inhibitRules").get(1).path("sourceMatchers").asString())
        .isEqualTo("{alertname=\"RaidDegraded\",instance=~\"nas-.*\"}");
    assertThat(dry.json().path("inhibitRules").get(1).path("targetMatchers").asString())
        .isEqualTo("{alertname=\"DiskSlow\",severity=~\"warning|info\"}");
    List<String> intervals = new ArrayList<>();
    dry.json().path("timeIntervals").forEach(i -> intervals.add(i.path("name").asString()));
    assertThat(intervals).containsExactly("office", "month-end", "weekend-days", "nights");
    assertThat(api.get("/api/inhibit-rules").raw().body()).isEqualTo(rulesBefore);

    Api.Answer imported = importYaml(read(config("inhibit-intervals.yml")), "");
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
    assertThat(imported.raw().body()).doesNotContain("not imported yet");
    Api.Answer rule = api.get("/api/inhibit-rules/am.inhibit.0");
    assertThat(rule.status()).isEqualTo(200);
    assertThat(rule.json().path("equal").toString()).isEqualTo("[\"alertname\",\"cluster\"]");
    Api.Answer office = api.get("/api/time-intervals/office");
    assertThat(office.status()).isEqualTo(200);
    assertThat(office.json().at("/timeIntervals/0/weekdays").toString())
        .isEqualTo("[\"monday:friday\"]");
    assertThat(office.json().at("/timeIntervals/0/times/1/startTime").asString())
        .isEqualTo("13:00");
    assertThat(office.json().at("/timeIntervals/0/location").asString()).isEqualTo("Europe/Berlin");
    assertThat(api.get("/api/time-intervals").json()).hasSize(4);
    assertThat(api.get("/api/time-intervals/nowhere").status()).isEqualTo(404);
    assertThat(api.get("/api/routes/am.0").json().path("muteTimeIntervals").toString())
        .isEqualTo("[\"nights\",\"month-end\"]");
    assertThat(api.get("/api/routes/am.0.0").json().path("muteTimeIntervals").isMissingNode())
        .as("a child does not inherit its parent's intervals, as in Alertmanager")
        .isTrue();

    String exported = api.get("/api/config/alertmanager").raw().body();
    assertThat(exported)
        .contains(
            "inhibit_rules", "time_intervals", "mute_time_intervals", "active_time_intervals");
    Path file = Files.createTempFile("exported-", ".yml");
    Files.writeString(file, exported);
    assertThat(Amtool.run(List.of("check-config", file.toString())))
        .contains("SUCCESS", "2 inhibit rules");
    for (Map<String, String> labels : labelSets(11, 20)) {
      assertThat(Amtool.routesTest(file, labels))
          .as("%s", labels)
          .isEqualTo(Amtool.routesTest(config("inhibit-intervals.yml"), labels));
    }
    Files.deleteIfExists(file);
  }

  @Test
  void aLaterImportReplacesImportedRulesAndIntervalsAndKeepsRulesMadeByHand() {
    Api.Answer handMade =
        api.post(
            "/api/inhibit-rules",
            """
            {"name": "by-hand-%s", "sourceMatchers": "{alertname=\\"Down\\"}",
             "targetMatchers": "{severity=\\"info\\"}", "equal": ["instance"]}
            """
                .formatted(source));
    assertThat(handMade.status()).as(handMade.raw().body()).isEqualTo(201);
    assertThat(importYaml(read(config("inhibit-intervals.yml")), "").status()).isEqualTo(200);
    Api.Answer second = importYaml(read(config("flat.yml")), "");
    assertThat(second.status()).as(second.raw().body()).isEqualTo(200);
    assertThat(second.json().path("removedInhibitRules").toString())
        .isEqualTo("[\"am.inhibit.0\",\"am.inhibit.1\"]");
    assertThat(second.json().path("removedTimeIntervals").toString()).contains("office", "nights");
    List<String> names = new ArrayList<>();
    api.get("/api/inhibit-rules").json().forEach(r -> names.add(r.path("name").asString()));
    assertThat(names).contains("by-hand-" + source).noneMatch(n -> n.startsWith("am.inhibit."));
    assertThat(api.get("/api/config/alertmanager").raw().body()).doesNotContain("time_intervals");

    // A rule made by hand under an imported rule's name is never overwritten by an import.
    String taken =
        """
        {"name": "am.inhibit.0", "sourceMatchers": "{a=\\"b\\"}", "targetMatchers": "{c=\\"d\\"}"}
        """;
    assertThat(api.post("/api/inhibit-rules", taken).status()).isEqualTo(201);
    Api.Answer refused = importYaml(read(config("inhibit-intervals.yml")), "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.fields()).contains("inhibit_rules[0]");
    assertThat(api.delete("/api/inhibit-rules/am.inhibit.0").status()).isEqualTo(204);
  }

  @Test
  void aFaultyIntervalOrRuleRefusesTheWholeImportAndLeavesNoRuleBehind() {
    String rulesBefore = api.get("/api/inhibit-rules").raw().body();
    String routesBefore = api.get("/api/routes").raw().body();
    Api.Answer refused =
        importYaml(
            """
            route:
              receiver: team
              routes:
                - matchers: ['x="1"']
                  receiver: team
                  mute_time_intervals: [nowhere]
            inhibit_rules:
              - source_matchers: [severity="critical"]
                target_matchers: [severity="warning"]
              - source_matchers: ['severity=~"("']
                target_matchers: [severity="info"]
            time_intervals:
              - name: bad
                time_intervals:
                  - weekdays: ['friday:monday']
                    days_of_month: ['-1:5']
                    times: [{start_time: '17:00', end_time: '09:00'}]
                    location: Mars/Olympus
            receivers:
              - name: team
                webhook_configs: [{url: 'http://127.0.0.1:9/t'}]
            """,
            "");
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.fields())
        .contains(
            "inhibit_rules[1].source_matchers[0]",
            "time_intervals[0].time_intervals[0].weekdays[0]",
            "time_intervals[0].time_intervals[0].days_of_month[0]",
            "time_intervals[0].time_intervals[0].times[0]",
            "time_intervals[0].time_intervals[0].location",
            "route.routes[0].muteTimeIntervals[0]");
    assertThat(api.get("/api/inhibit-rules").raw().body()).isEqualTo(rulesBefore);
    assertThat(api.get("/api/routes").raw().body()).isEqualTo(routesBefore);
  }

  @Test
  void aMutedRouteSendsNothingInsideItsIntervalAndAnActiveOneOnlyInsideItsOwn() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate tomorrow = today.plusDays(1);
    Api.Answer imported =
        importYaml(
            """
            route:
              receiver: always
              group_by: [alertname]
              group_wait: 30s
              # The clock jumps to tomorrow: a reminder (default 4h) would join the held batch.
              repeat_interval: 48h
              routes:
                - matchers: ['team="db"']
                  receiver: muted
                  mute_time_intervals: [today]
                  continue: true
                  routes:
                    - matchers: ['severity="critical"']
                      receiver: child
                - matchers: ['team="db"']
                  receiver: later
                  active_time_intervals: [tomorrow]
                  continue: true
                - matchers: ['team="db"']
                  receiver: always
            time_intervals:
              - name: today
                time_intervals: [{years: ['%d'], months: ['%d'], days_of_month: ['%d']}]
              - name: tomorrow
                time_intervals: [{years: ['%d'], months: ['%d'], days_of_month: ['%d']}]
            receivers:
              - name: always
                webhook_configs: [{url: '%s'}]
              - name: muted
                webhook_configs: [{url: '%s'}]
              - name: child
                webhook_configs: [{url: '%s'}]
              - name: later
                webhook_configs: [{url: '%s'}]
            """
                .formatted(
                    today.getYear(),
                    today.getMonthValue(),
                    today.getDayOfMonth(),
                    tomorrow.getYear(),
                    tomorrow.getMonthValue(),
                    tomorrow.getDayOfMonth(),
                    receiver.url(path("always")),
                    receiver.url(path("muted")),
                    receiver.url(path("child")),
                    receiver.url(path("later"))),
            "");
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
    String lag = "Lag" + source;
    Api.Answer posted =
        api.post(
            "/api/v2/alerts",
            """
            [{"labels": {"alertname": "%s", "team": "db", "severity": "warning"}},
             {"labels": {"alertname": "%s", "team": "db", "severity": "critical"}}]
            """
                .formatted(lag, lag + "-c"));
    assertThat(posted.status()).as(posted.raw().body()).isEqualTo(200);
    // Planned at the clock as it is, so that the group wait ends 30 s on from here.
    awaitJobRounds();

    clock.advance(Duration.ofSeconds(30));
    eventually().until(() -> receiver.delivered(path("always")).size() == 2);
    // The child route is not muted: its parent's mute_time_intervals are the parent's own.
    eventually().until(() -> receiver.delivered(path("child")).size() == 1);
    awaitJobRounds();
    assertThat(receiver.requests(path("muted"))).as("muted today").isEmpty();
    assertThat(receiver.requests(path("later"))).as("active tomorrow only").isEmpty();

    Instant midnight = tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant();
    clock.advance(Duration.between(clock.instant(), midnight).plusSeconds(1));
    eventually()
        .until(
            () ->
                receiver.delivered(path("muted")).size() == 1
                    && receiver.delivered(path("later")).size() == 2);
    JsonNode held = receiver.delivered(path("muted")).getFirst().json().at("/alerts");
    assertThat(held).hasSize(1);
    assertThat(held.get(0).path("occasion").asString()).isEqualTo("opened");
  }

  record Run(int code, String out, String err) {}

  static Run command(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        AlertmanagerCommand.run(
            args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
