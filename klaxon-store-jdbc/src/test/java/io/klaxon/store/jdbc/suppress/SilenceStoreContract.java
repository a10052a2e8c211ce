package io.klaxon.store.jdbc.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.jdbc.JdbcAlertStore;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.suppress.Matchers;
import io.klaxon.suppress.Silence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How silences are kept on every database: ids assigned, matcher sets and times exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SilenceStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private TestDatabase database;
  private JdbcSilenceStore store;

  protected abstract TestDatabase openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    JdbcAlertStore.open(database.dataSource());
    store = JdbcSilenceStore.open(database.dataSource());
  }

  @BeforeEach
  void clear() throws Exception {
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("delete from silences");
    }
  }

  @AfterAll
  void close() {
    database.close();
  }

  private static Silence silence(String uuid, String... sets) {
    return new Silence(
        0,
        uuid,
        List.of(sets).stream().map(set -> Matchers.parse("m", set)).toList(),
        T0,
        T0.plusSeconds(3600),
        "ops",
        "disk swap",
        T0);
  }

  @Test
  void addedSilence_readsBackExactly_byIdAndByUuid() {
    Silence added =
        store.add(
            silence(
                "5b6e0a52-0000-4000-8000-000000000001",
                "{alertname=\"Disk\",severity=~\"high|critical\"}",
                "{\"service.name\"!~\"a,\\\"b\\\"\\nc\",job!=\"x\"}"));

    assertThat(added.id()).isPositive();
    assertThat(store.find(added.id())).contains(added);
    assertThat(store.findByUuid(added.uuid())).contains(added);
  }

  @Test
  void update_changesTheSpan_andKeepsTheIdentity() {
    Silence added = store.add(silence("5b6e0a52-0000-4000-8000-000000000002", "a=b"));
    Silence ended = added.during(added.startsAt(), T0.plusSeconds(60), T0.plusSeconds(60));

    store.update(ended);

    assertThat(store.find(added.id())).contains(ended);
  }

  @Test
  void all_listsOldestFirst_andUnknownIdsFindNothing() {
    Silence first = store.add(silence("5b6e0a52-0000-4000-8000-000000000003", "a=b"));
    Silence second = store.add(silence("5b6e0a52-0000-4000-8000-000000000004", "a=c"));

    assertThat(store.all()).containsExactly(first, second);
    assertThat(store.find(second.id() + 100)).isEmpty();
    assertThat(store.findByUuid("no-such-silence")).isEmpty();
  }
}
