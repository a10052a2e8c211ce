package io.klaxon.store.jdbc.mapping;

import static io.klaxon.store.jdbc.mapping.MappingFixture.draft;
import static io.klaxon.store.jdbc.mapping.MappingFixture.matchResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.mapping.AuditAction;
import io.klaxon.mapping.AuditQuery;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.ImportItem;
import io.klaxon.mapping.ImportReport;
import io.klaxon.mapping.MappingAuditEntry;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every change leaves exactly one audit entry with the mapping before and after it. */
interface MappingAuditContract extends MappingFixture {

  @Test
  default void everyChange_leavesExactlyOneEntry_withTheMappingBeforeAndAfter() {
    long id = registry().create(matchResult(), ALICE).id();
    List<MarketMapping> states = new ArrayList<>();
    states.add(store().findById(id).orElseThrow());
    List<Supplier<MarketMapping>> changes =
        List.of(
            () ->
                registry()
                    .update(
                        id,
                        draft("1X2_FT", Map.of("sportybet", "1")),
                        new Edit(Actor.of("bob"), "drop betpawa")),
            () -> registry().deactivate(id, new Edit(Actor.of("bob"), null)),
            () -> registry().activate(id, new Edit(Actor.of("carol"), "back")),
            () -> registry().delete(id, new Edit(Actor.of("dave"), "retired")));
    for (Supplier<MarketMapping> change : changes) {
      clock().advance(Duration.ofMinutes(1));
      MarketMapping answered = change.get();
      MarketMapping stored = store().findById(id).orElseThrow();
      assertThat(answered).isEqualTo(stored);
      states.add(stored);
    }

    List<MappingAuditEntry> audit = store().auditOf(id);
    assertThat(audit)
        .extracting(MappingAuditEntry::action)
        .containsExactly(
            AuditAction.CREATE,
            AuditAction.UPDATE,
            AuditAction.DEACTIVATE,
            AuditAction.ACTIVATE,
            AuditAction.DELETE);
    assertThat(audit.getFirst().oldValue()).isNull();
    for (int i = 0; i < audit.size(); i++) {
      MappingAuditEntry entry = audit.get(i);
      assertThat(entry.newValue()).as("entry %d new", i).isEqualTo(states.get(i));
      if (i > 0) {
        assertThat(entry.oldValue()).as("entry %d old", i).isEqualTo(states.get(i - 1));
      }
      assertThat(entry.mappingId()).isEqualTo(id);
      assertThat(entry.at()).isEqualTo(T0.plus(Duration.ofMinutes(i)));
    }
    assertThat(audit)
        .extracting(MappingAuditEntry::actor)
        .containsExactly("alice", "bob", "bob", "carol", "dave");
    assertThat(audit)
        .extracting(MappingAuditEntry::reason)
        .containsExactly("first cut", "drop betpawa", null, "back", "retired");
  }

  @Test
  default void changesThatChangeNothing_leaveNoEntry() {
    MarketMapping mapping = registry().create(matchResult(), ALICE);
    List<Long> before = footprint();
    clock().advance(Duration.ofMinutes(1));

    assertThat(registry().update(mapping.id(), matchResult(), ALICE)).isEqualTo(mapping);
    assertThat(registry().activate(mapping.id(), ALICE)).isEqualTo(mapping);
    assertThat(rows("mapping_audit_log")).isEqualTo(before.get(2));
    registry().delete(mapping.id(), ALICE);
    registry().delete(mapping.id(), ALICE);
    registry().deactivate(mapping.id(), ALICE);
    assertThat(store().auditOf(mapping.id())).hasSize(2);
  }

  @Test
  default void theAuditLog_filtersByActionCanonicalIdAndTime_newestFirst() {
    MarketMapping a = registry().create(draft("A", Map.of()), ALICE);
    clock().advance(Duration.ofHours(1));
    registry().create(draft("B", Map.of()), ALICE);
    clock().advance(Duration.ofHours(1));
    registry().deactivate(a.id(), ALICE);
    Instant t0 = T0;

    assertThat(actions(AuditQuery.all())).containsExactly("DEACTIVATE A", "CREATE B", "CREATE A");
    assertThat(actions(new AuditQuery(Set.of(AuditAction.CREATE), null, null, null, 50, 0)))
        .containsExactly("CREATE B", "CREATE A");
    assertThat(actions(new AuditQuery(Set.of(), "A", null, null, 50, 0)))
        .containsExactly("DEACTIVATE A", "CREATE A");
    assertThat(
            actions(new AuditQuery(Set.of(), null, t0.plusSeconds(1), t0.plusSeconds(7200), 50, 0)))
        .containsExactly("CREATE B");
    var page = store().audit(new AuditQuery(Set.of(), null, null, null, 1, 2));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.entries()).extracting(MappingAuditEntry::canonicalId).containsExactly("A");
  }

  @Test
  default void anImport_createsAndUpdatesByCanonicalId_auditsEach_andRejectsWithReasons() {
    MarketMapping existing = registry().create(matchResult(), ALICE);
    registry().create(draft("SAME", Map.of("x", "9")), ALICE);
    List<Long> before = footprint();

    ImportReport report =
        registry()
            .importAll(
                List.of(
                    new ImportItem("NEW", "New market", Map.of("bet9ja", "N1"), null, 3, null),
                    new ImportItem("1X2_FT", "Renamed", existing.sourceIds(), null, null, false),
                    ImportItem.of(stored("SAME")),
                    new ImportItem(" ", null, Map.of("Bad Source", "1"), null, null, null),
                    new ImportItem("CLASH", "x", Map.of("x", "9"), null, null, true)),
                new Edit(Actor.of("importer"), null));

    assertThat(report.created()).extracting(ImportReport.Applied::index).containsExactly(0);
    assertThat(report.updated())
        .extracting(ImportReport.Applied::canonicalId)
        .containsExactly("1X2_FT");
    assertThat(report.unchanged()).extracting(ImportReport.Applied::index).containsExactly(2);
    assertThat(report.rejected()).extracting(ImportReport.Rejected::index).containsExactly(3, 4);
    assertThat(report.rejected().get(0).refusal())
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(InvalidInput.FieldError::field)
                    .containsExactlyInAnyOrder("canonicalId", "name", "sourceIds.Bad Source"));
    assertThat(report.rejected().get(1).refusal()).isInstanceOf(Conflict.class);

    assertThat(rows("market_mappings")).isEqualTo(before.get(0) + 1);
    assertThat(rows("mapping_audit_log")).isEqualTo(before.get(2) + 2);
    MarketMapping renamed = store().findById(existing.id()).orElseThrow();
    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.active()).isFalse();
    assertThat(store().auditOf(existing.id()).getLast().reason()).isEqualTo("import");
    assertThat(registry().resolve("bet9ja", "N1")).isPresent();
  }

  private MarketMapping stored(String canonicalId) {
    return store().all().stream()
        .filter(mapping -> mapping.canonicalId().equals(canonicalId))
        .findFirst()
        .orElseThrow();
  }

  private List<String> actions(AuditQuery query) {
    return store().audit(query).entries().stream()
        .map(entry -> entry.action() + " " + entry.canonicalId())
        .toList();
  }
}
