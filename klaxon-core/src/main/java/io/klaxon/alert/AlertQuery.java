package io.klaxon.alert;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A question asked of the stored alerts: filters (empty sets and nulls mean "any"), order and page.
 *
 * @param from inclusive lower bound of {@code detectedAt}
 * @param to exclusive upper bound of {@code detectedAt}
 * @param text case-insensitive text that the title or the message contains
 * @param attributes attribute name to the text form its value must equal
 * @param suppressed only alerts that something suppresses (true) or that nothing does (false); null
 *     for both
 */
public record AlertQuery(
    Set<AlertStatus> statuses,
    Set<Severity> severities,
    Set<String> types,
    Set<String> sources,
    @Nullable String subjectType,
    @Nullable String subjectKey,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable String text,
    Map<String, String> attributes,
    @Nullable Boolean suppressed,
    AlertSort sort,
    int limit,
    long offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public AlertQuery {
    statuses = Set.copyOf(statuses);
    severities = Set.copyOf(severities);
    types = Set.copyOf(types);
    sources = Set.copyOf(sources);
    attributes = Map.copyOf(attributes);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new InvalidInput("offset", "must not be negative");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInput("from", "must be before 'to'");
    }
  }

  /** A query that does not filter on suppression: the constructor from before it existed. */
  public AlertQuery(
      Set<AlertStatus> statuses,
      Set<Severity> severities,
      Set<String> types,
      Set<String> sources,
      @Nullable String subjectType,
      @Nullable String subjectKey,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable String text,
      Map<String, String> attributes,
      AlertSort sort,
      int limit,
      long offset) {
    this(
        statuses,
        severities,
        types,
        sources,
        subjectType,
        subjectKey,
        from,
        to,
        text,
        attributes,
        null,
        sort,
        limit,
        offset);
  }

  /** Every alert, newest first, first page. */
  public static AlertQuery all() {
    return new AlertQuery(
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        AlertSort.DETECTED_AT_DESC,
        DEFAULT_LIMIT,
        0);
  }

  /** The same query, only alerts in one of these statuses (none: any). */
  public AlertQuery withStatuses(Set<AlertStatus> newStatuses) {
    return with(draft -> draft.statuses = newStatuses);
  }

  /** The same query, only alerts about this subject. */
  public AlertQuery withSubject(String newSubjectType, @Nullable String newSubjectKey) {
    return with(
        draft -> {
          draft.subjectType = newSubjectType;
          draft.subjectKey = newSubjectKey;
        });
  }

  /** The same query, also requiring each attribute's text form to equal the given value. */
  public AlertQuery withAttributes(Map<String, String> newAttributes) {
    return with(draft -> draft.attributes = newAttributes);
  }

  /** The same query, only suppressed alerts (true), only unsuppressed ones (false), or both. */
  public AlertQuery withSuppressed(@Nullable Boolean newSuppressed) {
    return with(draft -> draft.suppressed = newSuppressed);
  }

  /** The same query, limited to alerts detected before {@code before}. */
  public AlertQuery withDetectedBefore(Instant before) {
    return with(draft -> draft.to = before);
  }

  /** The same query, another page in another order. */
  public AlertQuery withPage(AlertSort newSort, int newLimit, long newOffset) {
    return with(
        draft -> {
          draft.sort = newSort;
          draft.limit = newLimit;
          draft.offset = newOffset;
        });
  }

  /** The same query, only alerts of one of these severities (none: any). */
  public AlertQuery withSeverities(Set<Severity> newSeverities) {
    return with(draft -> draft.severities = newSeverities);
  }

  /** The same query, only alerts of one of these types (none: any). */
  public AlertQuery withTypes(Set<String> newTypes) {
    return with(draft -> draft.types = newTypes);
  }

  /** The same query, only alerts from one of these sources (none: any). */
  public AlertQuery withSources(Set<String> newSources) {
    return with(draft -> draft.sources = newSources);
  }

  /** The same query, limited to alerts detected at or after {@code after}. */
  public AlertQuery withDetectedAfter(Instant after) {
    return with(draft -> draft.from = after);
  }

  /** The same query, limited to alerts detected in {@code [after, before)}. */
  public AlertQuery withDetectedBetween(Instant after, Instant before) {
    return with(
        draft -> {
          draft.from = after;
          draft.to = before;
        });
  }

  /** The same query, only alerts whose title or message contains the text (null: any). */
  public AlertQuery withText(@Nullable String newText) {
    return with(draft -> draft.text = newText);
  }

  /** The same query, in another order. */
  public AlertQuery withSort(AlertSort newSort) {
    return with(draft -> draft.sort = newSort);
  }

  /** The same query, answering at most {@code newLimit} alerts (1 to {@value #MAX_LIMIT}). */
  public AlertQuery withLimit(int newLimit) {
    return with(draft -> draft.limit = newLimit);
  }

  /** The same query, skipping the first {@code newOffset} matching alerts. */
  public AlertQuery withOffset(long newOffset) {
    return with(draft -> draft.offset = newOffset);
  }

  /** The same query with the changes {@code change} makes to a copy of its parts. */
  private AlertQuery with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.query();
  }

  /** A query's parts, to copy it with a few changed; checked again when made a query. */
  private static final class Draft {
    private Set<AlertStatus> statuses;
    private Set<Severity> severities;
    private Set<String> types;
    private Set<String> sources;
    private @Nullable String subjectType;
    private @Nullable String subjectKey;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private @Nullable String text;
    private Map<String, String> attributes;
    private @Nullable Boolean suppressed;
    private AlertSort sort;
    private int limit;
    private long offset;

    private Draft(AlertQuery query) {
      statuses = query.statuses;
      severities = query.severities;
      types = query.types;
      sources = query.sources;
      subjectType = query.subjectType;
      subjectKey = query.subjectKey;
      from = query.from;
      to = query.to;
      text = query.text;
      attributes = query.attributes;
      suppressed = query.suppressed;
      sort = query.sort;
      limit = query.limit;
      offset = query.offset;
    }

    private AlertQuery query() {
      return new AlertQuery(
          statuses,
          severities,
          types,
          sources,
          subjectType,
          subjectKey,
          from,
          to,
          text,
          attributes,
          suppressed,
          sort,
          limit,
          offset);
    }
  }
}
