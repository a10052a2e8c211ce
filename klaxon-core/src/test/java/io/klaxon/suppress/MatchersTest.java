package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchersTest {

  @Test
  void braces_quotedValues_andEveryOperator_areRead() {
    List<LabelMatcher> matchers =
        Matchers.parse(
            "filter", "{alertname=\"Disk\", severity=~\"high|critical\",job!=\"node\",x!~\"a.*\"}");

    assertThat(matchers)
        .extracting(LabelMatcher::name, LabelMatcher::type, LabelMatcher::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alertname", MatchType.EQUAL, "Disk"),
            org.assertj.core.groups.Tuple.tuple("severity", MatchType.REGEX, "high|critical"),
            org.assertj.core.groups.Tuple.tuple("job", MatchType.NOT_EQUAL, "node"),
            org.assertj.core.groups.Tuple.tuple("x", MatchType.NOT_REGEX, "a.*"));
  }

  @Test
  void legacyUnquotedValues_runToTheNextComma() {
    List<LabelMatcher> matchers = Matchers.parse("filter", "alertname=Disk Full, job = node");

    assertThat(matchers).extracting(LabelMatcher::value).containsExactly("Disk Full", "node");
  }

  @Test
  void escapes_inQuotedValues_areUnescaped_andToStringQuotesAgain() {
    LabelMatcher matcher = Matchers.parse("m", "msg=\"say \\\"hi\\\" \\\\ now\"").getFirst();

    assertThat(matcher.value()).isEqualTo("say \"hi\" \\ now");
    assertThat(Matchers.parse("m", matcher.toString())).containsExactly(matcher);
  }

  @Test
  void quotedLabelNames_areAllowed() {
    assertThat(Matchers.parse("m", "{\"service.name\"=\"api\"}").getFirst().name())
        .isEqualTo("service.name");
  }

  @Test
  void emptyText_andEmptyBraces_giveNoMatchers() {
    assertThat(Matchers.parse("m", "")).isEmpty();
    assertThat(Matchers.parse("m", "{}")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{a=\"b\"", "a=\"b", "a", "=\"b\"", "a=\"b\" c=\"d\"", "a=~\"(\"", "a<\"b\""})
  void malformedText_isRefused_namingTheField(String text) {
    assertThatThrownBy(() -> Matchers.parse("matchers", text))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("matchers"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=\"b\"     | b    | true",
        "a=\"b\"     | bb   | false",
        "a!=\"b\"    | c    | true",
        "a=~\"b+\"   | bbb  | true",
        "a=~\"b\"    | abc  | false",
        "a!~\"b.*\"  | bx   | false",
        "a!~\"b.*\"  | xb   | true",
        "a=\"\"      |      | true",
        "a=~\".*\"   |      | true"
      })
  void regexes_areAnchored_andMissingLabelsReadAsEmpty(
      String matcher, String value, boolean matches) {
    Map<String, String> labels = value == null ? Map.of() : Map.of("a", value);

    assertThat(Matchers.parse("m", matcher).getFirst().matches(labels)).isEqualTo(matches);
  }
}
