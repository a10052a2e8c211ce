package io.klaxon.store.jdbc.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the escalation store must do on every database: start an alert's policy once, keep the feed
 * cursor with it, claim each due step once, move on or end, and keep it all across a reopen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EscalationStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private @Nullable JdbcEscalationStore store;

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  @BeforeEach
  final void emptyTables() throws SQLException {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
      store = JdbcEscalationStore.open(database.dataSource());
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("delete from escalations");
      statement.execute("delete from notify_cursor");
    }
  }

  @AfterAll
  final void closeDatabase() {
    shared.close();
  }

  private JdbcEscalationStore store() {
    return Objects.requireNonNull(store);
  }

  private static EscalationStore.Start start(long alertId, String policy) {
    return new EscalationStore.Start(alertId, policy, "critical", T0, T0.plusSeconds(60));
  }

  @Test
  void followStartsEachAlertsPolicyOnceAndMovesTheCursorWithIt() {
    store().follow(List.of(start(1, "ops"), start(1, "ops"), start(1, "db")), List.of(), 7, T0);
    store().follow(List.of(start(1, "ops")), List.of(), 5, T0);

    assertThat(store().ofAlert(1)).extracting(Escalation::policy).containsExactly("ops", "db");
    assertThat(store().cursor()).isEqualTo(7);
    Escalation ops = store().ofAlert(1).getFirst();
    assertThat(ops.nextAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(ops.running()).isTrue();
  }

  @Test
  void aDueStepIsClaimedOnceUntilItsLeaseRunsOut() {
    store().follow(List.of(start(2, "ops")), List.of(), 1, T0);
    Instant due = T0.plusSeconds(60);

    assertThat(store().claimDue(due.minusSeconds(1), due.plusSeconds(60), 10)).isEmpty();
    assertThat(store().claimDue(due, due.plusSeconds(60), 10)).hasSize(1);
    assertThat(store().claimDue(due.plusSeconds(30), due.plusSeconds(90), 10)).isEmpty();
    assertThat(store().claimDue(due.plusSeconds(60), due.plusSeconds(120), 10)).hasSize(1);
  }

  @Test
  void advanceMovesToTheNextStepAndEndStopsClaimsForGood() {
    store().follow(List.of(start(3, "ops")), List.of(), 1, T0);
    Instant due = T0.plusSeconds(60);
    Escalation claimed = store().claimDue(due, due.plusSeconds(60), 10).getFirst();

    store().advance(claimed.id(), 0, 1, due.plusSeconds(300), due, "receiver:ops via ops");
    Escalation moved = store().ofAlert(3).getFirst();
    assertThat(moved.step()).isEqualTo(1);
    assertThat(moved.nextAt()).isEqualTo(due.plusSeconds(300));
    assertThat(moved.lastNotified()).isEqualTo("receiver:ops via ops");
    assertThat(store().claimDue(due.plusSeconds(300), due.plusSeconds(400), 10)).hasSize(1);

    store().follow(List.of(), List.of(new EscalationStore.Ended(3, "acknowledged")), 2, due);
    Escalation ended = store().ofAlert(3).getFirst();
    assertThat(ended.endReason()).isEqualTo("acknowledged");
    assertThat(ended.nextAt()).isNull();
    assertThat(store().claimDue(due.plus(Duration.ofDays(1)), due.plus(Duration.ofDays(2)), 10))
        .isEmpty();
  }

  @Test
  void anyRunningSeesAStartedEscalationUntilItEnds() {
    assertThat(store().anyRunning()).isFalse();
    store().follow(List.of(start(5, "ops")), List.of(), 1, T0);
    assertThat(store().anyRunning()).isTrue();

    store().follow(List.of(), List.of(new EscalationStore.Ended(5, "resolved")), 2, T0);
    assertThat(store().anyRunning()).isFalse();
  }

  @Test
  void escalationsSurviveReopeningTheStore() {
    store().follow(List.of(start(4, "ops")), List.of(), 9, T0);

    JdbcEscalationStore reopened = JdbcEscalationStore.open(shared.get().dataSource());
    assertThat(reopened.cursor()).isEqualTo(9);
    assertThat(reopened.claimDue(T0.plusSeconds(60), T0.plusSeconds(120), 10))
        .extracting(Escalation::alertId)
        .containsExactly(4L);
  }

  @Test
  void twoInstancesClaimingAtOnceNeverClaimTheSameStep() {
    List<EscalationStore.Start> starts = new ArrayList<>();
    for (long alert = 100; alert < 140; alert++) {
      starts.add(start(alert, "ops"));
    }
    store().follow(starts, List.of(), 1, T0);
    JdbcEscalationStore other = JdbcEscalationStore.open(shared.get().dataSource());
    Instant due = T0.plusSeconds(60);
    List<CompletableFuture<List<Escalation>>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      JdbcEscalationStore claimer = i % 2 == 0 ? store() : other;
      claims.add(
          CompletableFuture.supplyAsync(() -> claimer.claimDue(due, due.plusSeconds(60), 7)));
    }
    Set<Long> seen = new HashSet<>();
    int total = 0;
    for (CompletableFuture<List<Escalation>> claim : claims) {
      for (Escalation escalation : claim.join()) {
        seen.add(escalation.id());
        total++;
      }
    }
    assertThat(total).isEqualTo(seen.size());
    // What a claim skipped while another held it is still there for the next one.
    for (Escalation escalation : store().claimDue(due, due.plusSeconds(60), 100)) {
      assertThat(seen.add(escalation.id())).isTrue();
    }
    assertThat(seen).hasSize(40);
  }
}
