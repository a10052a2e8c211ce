package io.klaxon.alert;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A question asked of the stored alerts: filters (empty sets and nulls mean "any"), order and page.
 *
 * @param from inclusive lower bound of {@code detectedAt}
 * @param to exclusive upper bound of {@code detectedAt}
 * @param text case-insensitive text that the title or the message contains
 * @param attributes attribute name to the text form its value must equal
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
        AlertSort.DETECTED_AT_DESC,
        DEFAULT_LIMIT,
        0);
  }

  /** The same query, only alerts in one of these statuses (none: any). */
  public AlertQuery withStatuses(Set<AlertStatus> newStatuses) {
    return new AlertQuery(
        newStatuses,
        severities,
        types,
        sources,
        subjectType,
        subjectKey,
        from,
        to,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, only alerts about this subject. */
  public AlertQuery withSubject(String newSubjectType, String newSubjectKey) {
    return new AlertQuery(
        statuses,
        severities,
        types,
        sources,
        newSubjectType,
        newSubjectKey,
        from,
        to,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, also requiring each attribute's text form to equal the given value. */
  public AlertQuery withAttributes(Map<String, String> newAttributes) {
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
        newAttributes,
        sort,
        limit,
        offset);
  }

  /** The same query, limited to alerts detected before {@code before}. */
  public AlertQuery withDetectedBefore(Instant before) {
    return new AlertQuery(
        statuses,
        severities,
        types,
        sources,
        subjectType,
        subjectKey,
        from,
        before,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, another page in another order. */
  public AlertQuery withPage(AlertSort newSort, int newLimit, long newOffset) {
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
        newSort,
        newLimit,
        newOffset);
  }

  /** The same query, only alerts of one of these severities (none: any). */
  public AlertQuery withSeverities(Set<Severity> newSeverities) {
    return new AlertQuery(
        statuses,
        newSeverities,
        types,
        sources,
        subjectType,
        subjectKey,
        from,
        to,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, only alerts of one of these types (none: any). */
  public AlertQuery withTypes(Set<String> newTypes) {
    return new AlertQuery(
        statuses,
        severities,
        newTypes,
        sources,
        subjectType,
        subjectKey,
        from,
        to,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, only alerts from one of these sources (none: any). */
  public AlertQuery withSources(Set<String> newSources) {
    return new AlertQuery(
        statuses,
        severities,
        types,
        newSources,
        subjectType,
        subjectKey,
        from,
        to,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, limited to alerts detected at or after {@code after}. */
  public AlertQuery withDetectedAfter(Instant after) {
    return new AlertQuery(
        statuses,
        severities,
        types,
        sources,
        subjectType,
        subjectKey,
        after,
        to,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, limited to alerts detected in {@code [after, before)}. */
  public AlertQuery withDetectedBetween(Instant after, Instant before) {
    return new AlertQuery(
        statuses,
        severities,
        types,
        sources,
        subjectType,
        subjectKey,
        after,
        before,
        text,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, only alerts whose title or message contains the text (null: any). */
  public AlertQuery withText(@Nullable String newText) {
    return new AlertQuery(
        statuses,
        severities,
        types,
        sources,
        subjectType,
        subjectKey,
        from,
        to,
        newText,
        attributes,
        sort,
        limit,
        offset);
  }

  /** The same query, in another order. */
  public AlertQuery withSort(AlertSort newSort) {
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
        newSort,
        limit,
        offset);
  }

  /** The same query, answering at most {@code newLimit} alerts (1 to {@value #MAX_LIMIT}). */
  public AlertQuery withLimit(int newLimit) {
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
        sort,
        newLimit,
        offset);
  }

  /** The same query, skipping the first {@code newOffset} matching alerts. */
  public AlertQuery withOffset(long newOffset) {
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
        sort,
        limit,
        newOffset);
  }
}
