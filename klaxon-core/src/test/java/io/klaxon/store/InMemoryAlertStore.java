package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQueries;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AlertStore} in memory, for tests. It keeps the constraints a database schema would:
 * alert ids and history (alert, version) pairs are unique, history and subjects are referenced by
 * existing rows, at most one active alert per fingerprint, and updates apply only at the expected
 * version. {@link #commit} checks everything before it writes anything, so a commit is all or
 * nothing. A change set's purges go first and take the subject's alerts and their history, as the
 * schema's cascade does.
 *
 * <p>Test hooks: {@link #failNextCommit} makes the next commit throw before it writes; {@link
 * #commits} lists the change sets committed so far. All methods are thread-safe.
 */
public final class InMemoryAlertStore implements AlertStore {

  private static final AlertQueries QUERIES = new AlertQueries();

  private final Map<Long, Alert> alerts = new HashMap<>();
  private final Map<Long, List<HistoryEntry>> history = new HashMap<>();
  private final Map<String, Subject> subjects = new LinkedHashMap<>();
  private final List<ChangeSet> commits = new ArrayList<>();
  private long maxAlertId;
  private @Nullable RuntimeException nextFailure;
  private int failuresLeft;
  private boolean landBeforeFailing;
  private final Partitioning partitioning;

  /** A store of one partition. */
  public InMemoryAlertStore() {
    this(Partitioning.SINGLE);
  }

  /** A store whose alerts an engine spreads over {@code partitioning}'s partitions. */
  public InMemoryAlertStore(Partitioning partitioning) {
    this.partitioning = partitioning;
  }

  @Override
  public Partitioning partitioning() {
    return partitioning;
  }

  @Override
  public synchronized List<Alert> loadActive() {
    return alerts.values().stream()
        .filter(Alert::isActive)
        .sorted(Comparator.comparingLong(Alert::id))
        .toList();
  }

  @Override
  public synchronized long maxAlertId() {
    return maxAlertId;
  }

  @Override
  public synchronized Optional<Alert> findById(long id) {
    return Optional.ofNullable(alerts.get(id));
  }

  @Override
  public synchronized AlertPage find(AlertQuery query) {
    return QUERIES.page(alerts.values(), query);
  }

  @Override
  public synchronized AlertStats stats(AlertQuery query) {
    return QUERIES.stats(alerts.values(), query);
  }

  @Override
  public synchronized List<HistoryEntry> history(long alertId) {
    return List.copyOf(history.getOrDefault(alertId, List.of()));
  }

  @Override
  public synchronized Optional<Subject> findSubject(String type, String key) {
    return Optional.ofNullable(subjects.get(type + "/" + key));
  }

  /**
   * Writes the change set, or nothing of it.
   *
   * @throws ConcurrentChange when an updated alert is missing or not at its expected version
   * @throws IllegalStateException when the change set breaks a constraint a schema would keep
   */
  @Override
  public synchronized void commit(ChangeSet changes) {
    RuntimeException failure = nextFailure;
    if (failure != null) {
      if (--failuresLeft <= 0) {
        nextFailure = null;
      }
      if (!landBeforeFailing) {
        throw failure;
      }
    }
    Set<Long> purged = purgedIds(changes);
    Map<Long, Alert> staged = stage(changes, purged);
    checkOneActivePerFingerprint(staged, purged);
    checkHistory(changes.history(), staged, purged);
    checkSubjects(staged, changes.subjects(), changes.purged());

    for (ChangeSet.SubjectRef subject : changes.purged()) {
      subjects.remove(subject.type() + "/" + subject.key());
    }
    for (long id : purged) {
      alerts.remove(id);
      history.remove(id);
    }
    for (Subject subject : changes.subjects()) {
      subjects.put(subject.reference(), subject);
    }
    alerts.putAll(staged);
    for (Alert created : changes.created()) {
      maxAlertId = Math.max(maxAlertId, created.id());
    }
    maxAlertId = Math.max(maxAlertId, changes.highestNewId());
    for (HistoryEntry entry : changes.history()) {
      history.computeIfAbsent(entry.alertId(), id -> new ArrayList<>()).add(entry);
    }
    commits.add(changes);
    if (failure != null && landBeforeFailing) {
      landBeforeFailing = false;
      throw failure;
    }
  }

  /** Makes the next {@link #commit} throw {@code failure} and write nothing. */
  public synchronized void failNextCommit(RuntimeException failure) {
    failCommits(failure, 1);
  }

  /** Makes the next {@code times} commits throw {@code failure} and write nothing. */
  public synchronized void failCommits(RuntimeException failure, int times) {
    nextFailure = failure;
    failuresLeft = times;
    landBeforeFailing = false;
  }

  /**
   * Makes the next commit write everything and then throw {@code failure}: the connection lost
   * while the commit was acknowledged, so the caller cannot know it landed.
   */
  public synchronized void landThenFail(RuntimeException failure) {
    nextFailure = failure;
    failuresLeft = 1;
    landBeforeFailing = true;
  }

  /** Makes the next {@link #commit} fail as if the database had gone away. */
  public synchronized void failNextCommit() {
    failNextCommit(new IllegalStateException("connection refused (InMemoryAlertStore test hook)"));
  }

  /** Forgets a failure asked for with {@link #failNextCommit} that has not happened yet. */
  public synchronized void clearFailure() {
    nextFailure = null;
    failuresLeft = 0;
    landBeforeFailing = false;
  }

  /** The change sets committed so far, oldest first. */
  public synchronized List<ChangeSet> commits() {
    return List.copyOf(commits);
  }

  /** Every stored alert, by id. */
  public synchronized List<Alert> all() {
    return alerts.values().stream().sorted(Comparator.comparingLong(Alert::id)).toList();
  }

  /**
   * The stored alerts that the change set deletes, alone or with their purged subject: deleted
   * before anything is written. A change set that also changes a deleted alert is refused.
   */
  private Set<Long> purgedIds(ChangeSet changes) {
    Set<Long> ids = new HashSet<>();
    for (long id : changes.deleted()) {
      if (alerts.containsKey(id)) { // still active here when the same batch made it final
        ids.add(id);
      }
    }
    for (Alert created : changes.created()) {
      if (changes.deleted().contains(created.id())) {
        throw new IllegalStateException("alert " + created.id() + " is created and deleted");
      }
    }
    for (ChangeSet.AlertUpdate update : changes.updated()) {
      if (changes.deleted().contains(update.alert().id())) {
        throw new IllegalStateException("alert " + update.alert().id() + " is updated and deleted");
      }
    }
    for (Alert alert : alerts.values()) {
      if (changes.purged().stream().anyMatch(subject -> subject.matches(alert))) {
        ids.add(alert.id());
      }
    }
    return ids;
  }

  /**
   * Subjects, inserts and updates in order, as a database would apply them statement by statement.
   */
  private Map<Long, Alert> stage(ChangeSet changes, Set<Long> purged) {
    Map<Long, Alert> staged = new LinkedHashMap<>();
    for (Alert created : changes.created()) {
      if (alerts.containsKey(created.id()) || staged.containsKey(created.id())) {
        throw new IllegalStateException("duplicate alert id " + created.id());
      }
      staged.put(created.id(), created);
    }
    for (ChangeSet.AlertUpdate update : changes.updated()) {
      long id = update.alert().id();
      Alert current =
          staged.containsKey(id) ? staged.get(id) : purged.contains(id) ? null : alerts.get(id);
      if (current == null || current.version() != update.expectedVersion()) {
        throw new ConcurrentChange(id, update.expectedVersion());
      }
      staged.put(id, update.alert());
    }
    return staged;
  }

  /** The partial unique index: at most one open or acknowledged alert per fingerprint. */
  private void checkOneActivePerFingerprint(Map<Long, Alert> staged, Set<Long> purged) {
    Map<String, Long> activeIds = new HashMap<>();
    for (Alert alert : alerts.values()) {
      if (purged.contains(alert.id())) {
        continue;
      }
      Alert after = staged.getOrDefault(alert.id(), alert);
      if (after.isActive()) {
        activeIds.put(after.fingerprint(), after.id());
      }
    }
    for (Alert alert : staged.values()) {
      if (alert.isActive()) {
        Long other = activeIds.putIfAbsent(alert.fingerprint(), alert.id());
        if (other != null && other != alert.id()) {
          throw new IllegalStateException(
              "alerts "
                  + other
                  + " and "
                  + alert.id()
                  + " would both be active for fingerprint '"
                  + alert.fingerprint()
                  + "'");
        }
      }
    }
  }

  private void checkHistory(List<HistoryEntry> entries, Map<Long, Alert> staged, Set<Long> purged) {
    Map<Long, List<Long>> versions = new HashMap<>();
    for (HistoryEntry entry : entries) {
      long id = entry.alertId();
      if ((!alerts.containsKey(id) || purged.contains(id)) && !staged.containsKey(id)) {
        throw new IllegalStateException("history for unknown alert " + id);
      }
      List<Long> seen = versions.computeIfAbsent(id, key -> new ArrayList<>());
      boolean stored =
          !purged.contains(id)
              && history.getOrDefault(id, List.of()).stream()
                  .anyMatch(e -> e.version() == entry.version());
      if (stored || seen.contains(entry.version())) {
        throw new IllegalStateException(
            "duplicate history entry for alert " + id + " version " + entry.version());
      }
      seen.add(entry.version());
    }
  }

  private void checkSubjects(
      Map<Long, Alert> staged, List<Subject> incoming, List<ChangeSet.SubjectRef> purged) {
    for (Alert alert : staged.values()) {
      Subject subject = alert.subject();
      boolean stored =
          subject != null
              && subjects.containsKey(subject.reference())
              && purged.stream().noneMatch(ref -> ref.matches(alert));
      if (subject != null
          && !stored
          && incoming.stream().noneMatch(s -> s.reference().equals(subject.reference()))) {
        throw new IllegalStateException(
            "alert " + alert.id() + " refers to unknown subject " + subject.reference());
      }
    }
  }
}
