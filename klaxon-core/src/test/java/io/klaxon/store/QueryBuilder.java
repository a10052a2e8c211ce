package io.klaxon.store;

import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Alert queries for tests, one filter at a time. */
public final class QueryBuilder {

  private Set<AlertStatus> statuses = Set.of();
  private Set<Severity> severities = Set.of();
  private Set<String> types = Set.of();
  private Set<String> sources = Set.of();
  private @Nullable String subjectType;
  private @Nullable String subjectKey;
  private @Nullable Instant from;
  private @Nullable Instant to;
  private @Nullable String text;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private @Nullable Boolean suppressed;
  private AlertSort sort = AlertSort.DETECTED_AT_DESC;
  private int limit = AlertQuery.MAX_LIMIT;
  private long offset;

  static QueryBuilder query() {
    return new QueryBuilder();
  }

  QueryBuilder statuses(AlertStatus... newStatuses) {
    statuses = Set.of(newStatuses);
    return this;
  }

  QueryBuilder severities(Severity... newSeverities) {
    severities = Set.of(newSeverities);
    return this;
  }

  QueryBuilder types(String... newTypes) {
    types = Set.of(newTypes);
    return this;
  }

  QueryBuilder sources(String... newSources) {
    sources = Set.of(newSources);
    return this;
  }

  QueryBuilder subject(@Nullable String type, @Nullable String key) {
    subjectType = type;
    subjectKey = key;
    return this;
  }

  QueryBuilder detected(@Nullable Instant newFrom, @Nullable Instant newTo) {
    from = newFrom;
    to = newTo;
    return this;
  }

  QueryBuilder text(String newText) {
    text = newText;
    return this;
  }

  QueryBuilder attribute(String name, String value) {
    attributes.put(name, value);
    return this;
  }

  QueryBuilder suppressed(@Nullable Boolean newSuppressed) {
    suppressed = newSuppressed;
    return this;
  }

  QueryBuilder page(AlertSort newSort, int newLimit, long newOffset) {
    sort = newSort;
    limit = newLimit;
    offset = newOffset;
    return this;
  }

  AlertQuery build() {
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
