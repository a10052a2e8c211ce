package io.klaxon.mapping;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies an import item by item: each in a transaction of its own, so that a rejected item changes
 * nothing and does not hold back the others.
 */
final class Importer {

  private final MappingStore store;
  private final Supplier<Instant> now;

  Importer(MappingStore store, Supplier<Instant> now) {
    this.store = store;
    this.now = now;
  }

  ImportReport apply(List<ImportItem> items, Edit edit) {
    List<ImportReport.Applied> created = new ArrayList<>();
    List<ImportReport.Applied> updated = new ArrayList<>();
    List<ImportReport.Applied> unchanged = new ArrayList<>();
    List<ImportReport.Rejected> rejected = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      ImportItem item = items.get(index);
      try {
        MappingDraft draft =
            MappingDraft.of(
                item.canonicalId(),
                item.name(),
                item.sourceIds(),
                item.outcomeMapping(),
                item.priority());
        boolean active = item.active() == null || item.active();
        Outcome outcome = store.inTransaction(tx -> apply(tx, draft, active, edit));
        ImportReport.Applied applied =
            new ImportReport.Applied(
                index, outcome.mapping().id(), outcome.mapping().canonicalId());
        switch (outcome.action()) {
          case CREATED -> created.add(applied);
          case UPDATED -> updated.add(applied);
          case UNCHANGED -> unchanged.add(applied);
        }
      } catch (InvalidInput | Conflict refusal) {
        rejected.add(new ImportReport.Rejected(index, item.canonicalId(), refusal));
      }
    }
    return new ImportReport(created, updated, unchanged, rejected);
  }

  private enum Action {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private record Outcome(Action action, MarketMapping mapping) {}

  private Outcome apply(MappingTransaction tx, MappingDraft draft, boolean active, Edit edit) {
    Instant at = now.get();
    var existing = tx.findByCanonicalId(draft.canonicalId());
    if (existing.isEmpty()) {
      MarketMapping mapping = MarketMapping.of(draft, active, at, edit.actor());
      return new Outcome(
          Action.CREATED, tx.save(new MappingChange(AuditAction.CREATE, null, mapping, edit, at)));
    }
    MarketMapping current = existing.get();
    MarketMapping next = current.revise(draft, at).withActive(active, at);
    if (next.equals(current)) {
      return new Outcome(Action.UNCHANGED, current);
    }
    return new Outcome(
        Action.UPDATED, tx.save(new MappingChange(AuditAction.UPDATE, current, next, edit, at)));
  }
}
