package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndingNoticesTest {

  private static final Instant NOW = TestAlerts.T0;
  private final EndingNotices notices = new EndingNotices(Duration.ofMinutes(15));

  private static Silence silence(String matchers, Instant endsAt) {
    return new Silence(
        7,
        "uuid-7",
        List.of(Matchers.parse("m", matchers)),
        NOW.minusSeconds(3600),
        endsAt,
        "alice",
        "disk swap",
        NOW);
  }

  @Test
  void anEndIsDueFromTheLeadBeforeItUntilItComes() {
    Ending tooEarly = Ending.of(silence("job=node", NOW.plus(Duration.ofMinutes(16))));
    Ending justDue = Ending.of(silence("job=node", NOW.plus(Duration.ofMinutes(15))));
    Ending soon = Ending.of(silence("job=node", NOW.plusSeconds(1)));
    Ending ended = Ending.of(silence("job=node", NOW));

    assertThat(notices.due(NOW, List.of(tooEarly, justDue, soon, ended)))
        .containsExactly(justDue, soon);
  }

  @Test
  void aZeroLeadSendsNoNotices_andANegativeOneIsRefused() {
    EndingNotices none = new EndingNotices(Duration.ZERO);

    assertThat(none.enabled()).isFalse();
    assertThat(none.due(NOW, List.of(Ending.of(silence("job=node", NOW.plusSeconds(1))))))
        .isEmpty();
    assertThatThrownBy(() -> new EndingNotices(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachEndHasANoticeOfItsOwn_soAnExtendedSilenceIsNoticedAgain() {
    Ending first = Ending.of(silence("job=node", NOW.plusSeconds(600)));
    Ending extended = Ending.of(silence("job=node", NOW.plusSeconds(7200)));

    assertThat(EndingNotices.fingerprint(first)).isEqualTo(EndingNotices.fingerprint(first));
    assertThat(EndingNotices.fingerprint(first)).isNotEqualTo(EndingNotices.fingerprint(extended));
  }

  @Test
  void theNoticeNamesTheSilence_takesTheSeverityGiven_andExpiresWhenItEnds() {
    Ending ending = Ending.of(silence("job=\"node\",instance=~\"db-.*\"", NOW.plusSeconds(600)));

    AlertCommand.Trigger notice =
        notices.notice(ending, Severity.CRITICAL, 3, NOW, Actor.of("klaxon"));

    assertThat(notice.source()).isEqualTo("klaxon");
    assertThat(notice.type()).isEqualTo("suppression_ending");
    assertThat(notice.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(notice.title()).isEqualTo("Silence 7 ends in 10 minutes");
    assertThat(notice.message())
        .contains("{job=\"node\",instance=~\"db-.*\"}", "alice", "disk swap", "holds 3 alerts");
    assertThat(notice.subject().type()).isEqualTo("silence");
    assertThat(notice.subject().key()).isEqualTo("uuid-7");
    assertThat(notice.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    assertThat(notice.attributes())
        .containsEntry("heldAlerts", 3)
        .containsEntry("suppressionId", "uuid-7");
  }

  @Test
  void aSilenceNeverSuppressesTheNoticeOfItsOwnEnd() {
    Silence critical = silence("severity=critical", NOW.plusSeconds(600));
    AlertCommand.Trigger trigger =
        notices.notice(Ending.of(critical), Severity.CRITICAL, 1, NOW, Actor.of("klaxon"));
    Alert notice =
        new Alert(
            1,
            trigger.fingerprint(),
            trigger.source(),
            trigger.type(),
            trigger.severity(),
            io.klaxon.alert.AlertStatus.OPEN,
            trigger.title(),
            trigger.message(),
            trigger.subject(),
            null,
            null,
            null,
            null,
            trigger.attributes(),
            1,
            NOW,
            NOW,
            null,
            null,
            null,
            null,
            trigger.expiresAt(),
            false,
            null,
            1,
            List.of());
    Alert other = TestAlerts.open(2, Map.of("labels.severity", "critical"));
    Suppressions suppressions =
        new Suppressions(NOW, List.of(critical), List.of(), List.of(), Map.of(), List.of());

    assertThat(suppressions.of(other)).isNotEmpty();
    assertThat(suppressions.of(notice)).isEmpty();
  }
}
