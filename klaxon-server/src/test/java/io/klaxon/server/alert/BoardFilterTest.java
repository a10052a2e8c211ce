package io.klaxon.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.console.BackLink;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class BoardFilterTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  static BoardFilter filter(String... pairs) {
    MultiValueMap<String, String> raw = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      raw.add(pairs[i], pairs[i + 1]);
    }
    return BoardFilter.of(raw);
  }

  @Test
  void blankFormFieldsAreLeftOut() {
    BoardFilter filter = filter("q", "  ", "severity", "", "type", " disk ");
    assertThat(filter.params().keySet()).containsExactly("type");
    assertThat(filter.first("type")).isEqualTo("disk");
    assertThat(filter.self()).isEqualTo("/?type=disk");
  }

  @Test
  void aRangePresetBecomesFromAndABrowsersLocalTimeIsReadAsUtc() {
    assertThat(filter("range", "24h").apiParams(NOW).getFirst("from"))
        .isEqualTo("2026-11-22T12:00:00Z");
    assertThat(filter("range", "24h").apiParams(NOW).containsKey("range")).isFalse();
    var api = filter("from", "2026-11-20T08:30", "to", "2026-11-21T09:15:10").apiParams(NOW);
    assertThat(api.getFirst("from")).isEqualTo("2026-11-20T08:30:00Z");
    assertThat(api.getFirst("to")).isEqualTo("2026-11-21T09:15:10Z");
  }

  @Test
  void anExplicitFromWinsOverARangeAndAnUnknownRangeIsPassedOnToBeRefused() {
    assertThat(
            filter("range", "7d", "from", "2026-11-01T00:00:00Z").apiParams(NOW).getFirst("from"))
        .isEqualTo("2026-11-01T00:00:00Z");
    assertThat(filter("range", "2y").apiParams(NOW).getFirst("range")).isEqualTo("2y");
  }

  @Test
  void tabAndPageLinksKeepTheOtherFiltersAndGoBackToTheFirstPage() {
    BoardFilter filter = filter("q", "cpu busy", "status", "open", "offset", "100");
    assertThat(filter.with("status", "resolved")).isEqualTo("/?q=cpu%20busy&status=resolved");
    assertThat(filter.with("status", null)).isEqualTo("/?q=cpu%20busy");
    assertThat(filter.page(150)).isEqualTo("/?q=cpu%20busy&status=open&offset=150");
    assertThat(filter.page(0)).isEqualTo("/?q=cpu%20busy&status=open");
  }

  @Test
  void multiValueFiltersAreMatchedWhetherRepeatedOrCommaSeparated() {
    assertThat(filter("severity", "high,critical").has("severity", "critical")).isTrue();
    assertThat(filter("severity", "high", "severity", "low").has("severity", "low")).isTrue();
    assertThat(filter("severity", "high").has("severity", "low")).isFalse();
  }

  @Test
  void onlyPathsOfThisSiteAreRedirectTargets() {
    assertThat(BackLink.safe("/?q=x")).isEqualTo("/?q=x");
    assertThat(BackLink.safe("//evil.example")).isEqualTo("/");
    assertThat(BackLink.safe("https://evil.example")).isEqualTo("/");
    assertThat(BackLink.safe("/\\evil.example")).isEqualTo("/");
    assertThat(BackLink.safe(null)).isEqualTo("/");
  }
}
