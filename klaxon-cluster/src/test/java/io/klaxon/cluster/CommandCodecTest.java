package io.klaxon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.AttributeMerge;
import io.klaxon.engine.StartedBy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

  private static final Actor ACTOR = Actor.of("key:ops");

  @Test
  void everyKindOfCommandSurvivesTheTopicUnchanged() {
    List<AlertCommand> commands =
        List.of(
            new AlertCommand.Trigger(
                "odds|event/1234|price_change",
                "odds",
                "price_change",
                Severity.CRITICAL,
                "Price moved",
                "by 15 %",
                new Subject(
                    "event",
                    "1234",
                    "Home v Away",
                    Instant.parse("2026-12-06T15:00:00Z"),
                    Map.of("league", "one")),
                2.1,
                0.15,
                15.0,
                Map.of("bookmaker", "house", "line", 2, "nested", Map.of("a", List.of(1, "b"))),
                Instant.parse("2026-12-06T10:00:00Z"),
                Instant.parse("2026-12-06T15:00:00Z"),
                ACTOR,
                1.8),
            AlertCommand.Trigger.of("plain", "src", "disk", Severity.LOW, "Disk"),
            new AlertCommand.Change(AlertRef.id(42), Transition.ACKNOWLEDGE, ACTOR, "on it", false),
            new AlertCommand.Change(
                AlertRef.fingerprint("plain"), Transition.EXPIRE, ACTOR, null, true),
            new AlertCommand.Suppress(
                7,
                List.of(
                    new Suppressor(
                        SuppressionKind.SILENCE, "s1", Instant.parse("2026-12-07T00:00:00Z")),
                    new Suppressor(SuppressionKind.SNOOZE, "7", null)),
                ACTOR),
            new AlertCommand.Note(AlertRef.id(9), "a note", ACTOR),
            new AlertCommand.Purge("server", "nas-01", ACTOR),
            new AlertCommand.Delete(11, ACTOR));

    assertThat(CommandCodec.decode(CommandCodec.encode(commands))).isEqualTo(commands);
  }

  @Test
  void whatTheOwnerJudges_survivesTheTopic_inARecordOfVersionTwo() {
    List<AlertCommand> commands =
        List.of(
            new AlertCommand.Trigger(
                "am:1a2b",
                "alertmanager",
                "DiskFull",
                Severity.HIGH,
                "Disk full",
                null,
                null,
                null,
                null,
                null,
                Map.of("startsAt", "2026-12-06T10:00:00Z", "receivedAt", "2026-12-06T10:00:05Z"),
                null,
                null,
                ACTOR,
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                new AttributeMerge(Set.of("receivedAt"), Set.of("startsAt", "firstSeen"))),
            new AlertCommand.Change(
                AlertRef.fingerprint("am:1a2b"),
                Transition.RESOLVE,
                ACTOR,
                "endsAt 2026-12-06T10:05:00Z has passed",
                true,
                new StartedBy(Instant.parse("2026-12-06T10:05:00Z"), "startsAt")),
            new AlertCommand.Change(
                AlertRef.id(3),
                Transition.RESOLVE,
                ACTOR,
                null,
                false,
                new StartedBy(Instant.parse("2026-12-06T10:05:00.123456Z"), null)));

    byte[] record = CommandCodec.encode(commands);

    assertThat(CommandCodec.decode(record)).isEqualTo(commands);
    assertThat(new String(record, StandardCharsets.UTF_8)).startsWith("{\"v\":2,");
  }

  @Test
  void aRecordWithNothingForTheOwnerToJudge_staysVersionOne_whichEveryInstanceReads() {
    byte[] record =
        CommandCodec.encode(
            List.of(
                AlertCommand.Trigger.of("plain", "src", "disk", Severity.LOW, "Disk"),
                AlertCommand.Change.of(AlertRef.id(4), Transition.RESOLVE, ACTOR)));

    assertThat(new String(record, StandardCharsets.UTF_8)).startsWith("{\"v\":1,");
  }

  @Test
  void aFiringWithItsStartAndMerge_staysVersionOne_soAnEarlierOwnerAppliesItRatherThanDropsIt() {
    List<AlertCommand> firing =
        List.of(
            new AlertCommand.Trigger(
                "am:3c4d",
                "alertmanager",
                "DiskFull",
                Severity.HIGH,
                "Disk full",
                null,
                null,
                null,
                null,
                null,
                Map.of("startsAt", "2026-12-06T10:00:00Z", "receivedAt", "2026-12-06T10:00:05Z"),
                null,
                null,
                ACTOR,
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                new AttributeMerge(Set.of("receivedAt"), Set.of("startsAt"))));

    byte[] record = CommandCodec.encode(firing);

    assertThat(new String(record, StandardCharsets.UTF_8)).startsWith("{\"v\":1,");
    assertThat(CommandCodec.decode(record)).isEqualTo(firing);
  }

  @Test
  void aRecordOfAnUnknownVersionIsRefusedRatherThanGuessed() {
    byte[] future = "{\"v\":99,\"commands\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CommandCodec.decode(future))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 99");
  }

  @Test
  void allAlertsOfOneSubjectShareAPartitionAndAFreeKeyIsItsOwn() {
    Partitioning partitioning = new Partitioning(16);
    assertThat(Partitioning.key("hosts|server/nas-01|cpu")).isEqualTo("server/nas-01");
    assertThat(partitioning.of("hosts|server/nas-01|cpu"))
        .isEqualTo(partitioning.of("hosts|server/nas-01|disk"));
    assertThat(Partitioning.key("my-own-key")).isEqualTo("my-own-key");
    assertThat(Partitioning.key("a|b|c|d")).isEqualTo("a|b|c|d");
  }
}
