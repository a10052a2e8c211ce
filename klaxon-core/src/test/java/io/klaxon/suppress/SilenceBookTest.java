package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilenceBookTest {

  private final MovableClock clock = new MovableClock(TestAlerts.T0);
  private final InMemorySilenceStore store = new InMemorySilenceStore();
  private final List<Silence> changes = new ArrayList<>();
  private final SilenceBook book = new SilenceBook(store, clock, Duration.ofDays(7), changes::add);

  private static SilenceDraft draft(String matchers, Instant startsAt, Instant endsAt) {
    return new SilenceDraft(
        List.of(Matchers.parse("matchers", matchers)), startsAt, endsAt, "ops", "maintenance");
  }

  private Instant in(Duration duration) {
    return clock.instant().plus(duration);
  }

  @Test
  void silence_isPending_thenActive_thenExpired() {
    Silence silence =
        book.create(draft("alertname=Disk", in(Duration.ofHours(1)), in(Duration.ofHours(2))));

    assertThat(silence.state(clock.instant())).isEqualTo(SilenceState.PENDING);
    clock.advance(Duration.ofMinutes(90));
    assertThat(silence.state(clock.instant())).isEqualTo(SilenceState.ACTIVE);
    clock.advance(Duration.ofMinutes(30));
    assertThat(silence.state(clock.instant())).isEqualTo(SilenceState.EXPIRED);
    assertThat(changes).containsExactly(silence);
  }

  @Test
  void startInThePast_becomesNow() {
    Silence silence =
        book.create(draft("a=b", clock.instant().minusSeconds(60), in(Duration.ofHours(1))));

    assertThat(silence.startsAt()).isEqualTo(clock.instant());
    assertThat(silence.uuid()).hasSize(36);
  }

  @Test
  void badDraft_isRefused_withEveryField_andNothingStored() {
    SilenceDraft bad =
        new SilenceDraft(
            List.of(Matchers.parse("matchers", "a=~\".*\"")), null, clock.instant(), " ", null);

    assertThatThrownBy(() -> book.create(bad))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInput.FieldError::field)
                    .containsExactly("matchers", "createdBy", "comment", "endsAt"));
    assertThat(store.all()).isEmpty();
  }

  @Test
  void silenceLongerThanTheMaximum_isRefused() {
    assertThatThrownBy(() -> book.create(draft("a=b", null, in(Duration.ofDays(8)))))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("endsAt");
  }

  @Test
  void updatingTheEndOfAnActiveSilence_keepsItsId() {
    Silence silence = book.create(draft("a=b", null, in(Duration.ofHours(1))));
    clock.advance(Duration.ofMinutes(5));

    Silence updated = book.update(silence, draft("a=b", null, in(Duration.ofHours(3))));

    assertThat(updated.uuid()).isEqualTo(silence.uuid());
    assertThat(updated.startsAt()).isEqualTo(silence.startsAt());
    assertThat(book.list(Set.of())).containsExactly(updated);
  }

  @Test
  void changingTheMatchers_expiresTheOldSilence_andCreatesANewOne() {
    Silence silence = book.create(draft("a=b", null, in(Duration.ofHours(1))));
    clock.advance(Duration.ofMinutes(5));

    Silence replacement = book.update(silence, draft("a=c", null, in(Duration.ofHours(1))));

    assertThat(replacement.uuid()).isNotEqualTo(silence.uuid());
    assertThat(book.get(silence.id()).state(clock.instant())).isEqualTo(SilenceState.EXPIRED);
    assertThat(book.list(Set.of(SilenceState.ACTIVE))).containsExactly(replacement);
  }

  @Test
  void expiringAPendingSilence_endsItWithoutItEverStarting() {
    Silence silence = book.create(draft("a=b", in(Duration.ofHours(1)), in(Duration.ofHours(2))));

    Silence expired = book.expire(silence);

    assertThat(expired.startsAt()).isEqualTo(clock.instant());
    assertThat(expired.endsAt()).isEqualTo(clock.instant());
    assertThat(expired.state(clock.instant())).isEqualTo(SilenceState.EXPIRED);
    assertThat(book.expire(expired)).isEqualTo(expired);
  }

  @Test
  void list_ordersActiveByEnd_thenPendingByStart_thenExpiredLatestFirst() {
    Silence later = book.create(draft("a=1", null, in(Duration.ofHours(3))));
    Silence sooner = book.create(draft("a=2", null, in(Duration.ofHours(1))));
    Silence pending = book.create(draft("a=3", in(Duration.ofHours(1)), in(Duration.ofHours(2))));
    Silence gone = book.expire(book.create(draft("a=4", null, in(Duration.ofHours(1)))));

    assertThat(book.list(Set.of())).containsExactly(sooner, later, pending, gone);
  }

  @Test
  void unknownIds_areNotFound() {
    assertThatThrownBy(() -> book.get(42)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> book.getByUuid("nope")).isInstanceOf(NotFound.class);
  }
}
