package io.klaxon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller that needs only outcomes (the Alertmanager API) is answered by the other instance's
 * owners without their alerts being read back from PostgreSQL; a caller that needs the alerts gets
 * every one of them.
 */
class OutcomeAnswersTest {

  private static final int PARTITIONS = 4;
  private static final int FINGERPRINTS = 24;

  @RegisterExtension static final KafkaAndPostgres backends = KafkaAndPostgres.migrated(PARTITIONS);

  @Test
  void outcomesFromAnotherOwnerComeWithoutTheirAlertAndFullAnswersWithIt() throws Exception {
    ClusterNode first = backends.node("first", "klaxon.commands", Duration.ofSeconds(10));
    ClusterNode second = backends.node("second", "klaxon.commands", Duration.ofSeconds(10));
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  first.isMember()
                      && second.isMember()
                      && !first.owned().isEmpty()
                      && !second.owned().isEmpty()
                      && first.owned().size() + second.owned().size() == PARTITIONS);
      Partitioning partitioning = new Partitioning(PARTITIONS);

      List<CommandResult> outcomes = first.submitForOutcomes(triggers()).join();
      assertThat(outcomes).hasSize(FINGERPRINTS);
      for (int i = 0; i < FINGERPRINTS; i++) {
        CommandResult result = outcomes.get(i);
        assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
        if (second.owned().contains(partitioning.of("fp-" + i))) {
          assertThat(result.alert()).as("not read back for fp-" + i).isNull();
        } else {
          assertThat(result.alert()).isNotNull();
        }
      }
      assertThat(outcomes).anyMatch(result -> result.alert() == null);

      List<CommandResult> full = first.submit(triggers()).join();
      for (int i = 0; i < FINGERPRINTS; i++) {
        CommandResult result = full.get(i);
        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.alert()).isNotNull();
        assertThat(result.alert().fingerprint()).isEqualTo("fp-" + i);
        assertThat(result.alert().occurrences()).isEqualTo(2L);
      }
    } finally {
      first.close();
      second.close();
    }
  }

  private static List<AlertCommand> triggers() {
    return IntStream.range(0, FINGERPRINTS)
        .<AlertCommand>mapToObj(
            i -> AlertCommand.Trigger.of("fp-" + i, "test", "disk", Severity.HIGH, "disk " + i))
        .toList();
  }
}
