package io.klaxon.server.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.server.alertmanager.LabelMatcher.Operator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matchers read and match as Alertmanager's (pkg/labels and matcher/compat) do. */
class LabelMatcherTest {

  private static final long LATER = Long.MAX_VALUE;
  private static final Map<String, String> LABELS =
      Map.of("alertname", "DiskFull", "severity", "critical", "instance", "nas-01:9100");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alertname=DiskFull          | alertname | EQUAL     | DiskFull",
        "alertname=\"DiskFull\"      | alertname | EQUAL     | DiskFull",
        "  alertname  =  DiskFull    | alertname | EQUAL     | DiskFull",
        "severity!=\"info\"          | severity  | NOT_EQUAL | info",
        "severity=~\"crit.*\"        | severity  | REGEX     | crit.*",
        "severity!~warn              | severity  | NOT_REGEX | warn",
        "\"odd name\"=\"x\"          | odd name  | EQUAL     | x",
        "summary=\"say \\\"hi\\\"\"  | summary   | EQUAL     | say \"hi\"",
      })
  void parse_readsNameOperatorAndValue(String text, String name, Operator operator, String value) {
    LabelMatcher matcher = LabelMatcher.parse(text);
    assertThat(matcher.name()).isEqualTo(name);
    assertThat(matcher.operator()).isEqualTo(operator);
    assertThat(matcher.value()).isEqualTo(value);
  }

  @Test
  void parse_emptyValue_isAllowed() {
    assertThat(LabelMatcher.parse("team=").value()).isEmpty();
    assertThat(LabelMatcher.parse("team=\"\"").value()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alertname                | bad matcher format: alertname",
        "1abc=x                   | bad matcher format: 1abc=x",
        "{alertname=\"x\"}        | unexpected open or close brace: {alertname=\"x\"}",
        "a=\"x                    | matcher value contains unescaped double quote: \"x",
        "a=x\"y                   | matcher value contains unescaped double quote: x\"y",
      })
  void parse_refusesWhatAlertmanagerRefuses(String text, String message) {
    assertThatThrownBy(() -> LabelMatcher.parse(text))
        .isInstanceOf(LabelMatcher.Malformed.class)
        .hasMessage(message);
  }

  @Test
  void parse_badRegex_isRefused() {
    assertThatThrownBy(() -> LabelMatcher.parse("a=~\"(\""))
        .isInstanceOf(LabelMatcher.Malformed.class)
        .hasMessageStartingWith("error parsing regexp: ");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "alertname=DiskFull        -> true",
        "alertname=Disk            -> false",
        "alertname!=Disk           -> true",
        "severity=~\"crit.*\"      -> true",
        "severity=~\"crit\"        -> false",
        "severity=~\"ritical\"     -> false",
        "severity!~\"warn|info\"   -> true",
        "severity!~\"critical\"    -> false",
        "team=\"\"                 -> true",
        "team!=\"\"                -> false",
        "team=~\".*\"              -> true",
        "team=~\".+\"              -> false",
        "team!~\"ops\"             -> true",
        "instance=~\"nas-01:.*\"   -> true",
      })
  void matches_isAnchored_andAMissingLabelIsEmpty(String text, boolean expected) {
    assertThat(LabelMatcher.parse(text).matches(LABELS, LATER)).isEqualTo(expected);
  }

  @Test
  void matches_aRunawayRegex_stopsAtTheDeadline() {
    // Java's engine remembers failed loop positions, but not across a back-reference.
    LabelMatcher matcher = LabelMatcher.parse("x=~\"((a+)+)\\\\2b\"");
    Map<String, String> labels = Map.of("x", "a".repeat(40));
    long deadline = System.nanoTime() + 50_000_000L;
    assertThatThrownBy(() -> matcher.matches(labels, deadline))
        .isInstanceOf(LabelMatcher.TooSlow.class);
  }
}
