package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SilenceIndexTest {

  private static final Instant T0 = TestAlerts.T0;

  private static Silence silence(int n, String... sets) {
    List<List<LabelMatcher>> matcherSets = new ArrayList<>();
    for (String set : sets) {
      matcherSets.add(Matchers.parse("m", set));
    }
    return new Silence(n, "u-" + n, matcherSets, T0, T0.plusSeconds(60), "ops", "why", T0);
  }

  @Test
  void findsWhatCheckingEverySilenceFinds_inTheSameOrder() {
    Random random = new Random(42);
    String[] names = {"alertname", "job", "instance", "severity"};
    String[] values = {"a", "b", "c", ""};
    String[] operators = {"=", "!=", "=~", "!~"};
    List<Silence> silences = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      int setCount = 1 + random.nextInt(2);
      String[] sets = new String[setCount];
      for (int s = 0; s < setCount; s++) {
        StringBuilder set = new StringBuilder();
        int matchers = 1 + random.nextInt(3);
        for (int m = 0; m < matchers; m++) {
          String value = values[random.nextInt(values.length)];
          set.append(m == 0 ? "" : ",")
              .append(names[random.nextInt(names.length)])
              .append(operators[random.nextInt(operators.length)])
              .append('"')
              .append(value.isEmpty() ? "" : value + (random.nextBoolean() ? "" : ".*"))
              .append('"');
        }
        sets[s] = set.toString();
      }
      silences.add(silence(n, sets));
    }
    SilenceIndex index = new SilenceIndex(silences);

    for (int a = 0; a < 500; a++) {
      Map<String, String> labels = new HashMap<>();
      for (String name : names) {
        if (random.nextInt(4) > 0) {
          labels.put(name, values[random.nextInt(3)]);
        }
      }
      List<Silence> everyOne = silences.stream().filter(s -> s.matches(labels)).toList();
      assertThat(index.matching(labels)).as("labels %s", labels).isEqualTo(everyOne);
    }
  }

  @Test
  void aSilenceIsFoundThroughAnyOfItsSets_andOnce() {
    Silence either = silence(1, "alertname=Disk", "job=node");
    Silence regexOnly = silence(2, "instance=~\"db-.*\"");
    SilenceIndex index = new SilenceIndex(List.of(either, regexOnly));

    assertThat(index.matching(Map.of("alertname", "Disk", "job", "node"))).containsExactly(either);
    assertThat(index.matching(Map.of("job", "node", "instance", "db-1")))
        .containsExactly(either, regexOnly);
    assertThat(index.matching(Map.of("alertname", "Cpu"))).isEmpty();
  }
}
