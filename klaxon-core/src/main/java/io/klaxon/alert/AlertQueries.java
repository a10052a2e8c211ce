package io.klaxon.alert;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An {@link AlertQuery} answered over alerts in memory (stores that keep alerts in memory, and test
 * doubles), with the JDBC store's meaning: attribute values compare in their text form, text is
 * found case-insensitively in title or message; counts by status and severity name every one (zero
 * where none), counts by type and source only those that have alerts.
 *
 * <p>An attribute's text form is the caller's: a store that keeps JSON knows how a list or an
 * object reads as text, the core does not.
 */
public final class AlertQueries {

  private final Function<Object, String> attributeText;

  /** Queries whose attribute filters compare {@code attributeText} of the alert's value. */
  public AlertQueries(Function<Object, String> attributeText) {
    this.attributeText = attributeText;
  }

  /** Queries whose attribute filters compare {@link String#valueOf} of the alert's value. */
  public AlertQueries() {
    this(String::valueOf);
  }

  public AlertPage page(Collection<Alert> alerts, AlertQuery query) {
    List<Alert> matching = alerts.stream().filter(a -> matches(a, query, true)).toList();
    List<Alert> page =
        matching.stream()
            .sorted(order(query.sort()))
            .skip(query.offset())
            .limit(query.limit())
            .toList();
    Map<AlertStatus, Long> counts =
        countEvery(
            AlertStatus.class,
            alerts.stream().filter(a -> matches(a, query, false)).toList(),
            Alert::status);
    return new AlertPage(page, matching.size(), counts);
  }

  public AlertStats stats(Collection<Alert> alerts, AlertQuery query) {
    List<Alert> matching = alerts.stream().filter(a -> matches(a, query, true)).toList();
    return new AlertStats(
        matching.size(),
        countEvery(AlertStatus.class, matching, Alert::status),
        countEvery(Severity.class, matching, Alert::severity),
        countBy(matching, Alert::type),
        countBy(matching, Alert::source));
  }

  /** Every filter of the query; the status filter only when {@code byStatus}. */
  public boolean matches(Alert alert, AlertQuery query, boolean byStatus) {
    Subject subject = alert.subject();
    return (!byStatus || anyOrContains(query.statuses(), alert.status()))
        && anyOrContains(query.severities(), alert.severity())
        && anyOrContains(query.types(), alert.type())
        && anyOrContains(query.sources(), alert.source())
        && (query.subjectType() == null
            || (subject != null && subject.type().equals(query.subjectType())))
        && (query.subjectKey() == null
            || (subject != null && subject.key().equals(query.subjectKey())))
        && (query.from() == null || !alert.detectedAt().isBefore(query.from()))
        && (query.to() == null || alert.detectedAt().isBefore(query.to()))
        && (query.text() == null || query.text().isEmpty() || containsText(alert, query.text()))
        && (query.suppressed() == null || query.suppressed() == alert.suppressed())
        && query.attributes().entrySet().stream()
            .allMatch(
                wanted -> {
                  Object value = alert.attributes().get(wanted.getKey());
                  return value != null && attributeText.apply(value).equals(wanted.getValue());
                });
  }

  /** The query's order, ending on the id in the same direction so that pages are stable. */
  public static Comparator<Alert> order(AlertSort sort) {
    Comparator<Alert> ascending =
        switch (sort) {
          case DETECTED_AT_DESC, DETECTED_AT_ASC -> Comparator.comparing(Alert::detectedAt);
          case LAST_SEEN_AT_DESC, LAST_SEEN_AT_ASC -> Comparator.comparing(Alert::lastSeenAt);
          case SEVERITY_DESC, SEVERITY_ASC -> Comparator.comparingInt(a -> a.severity().rank());
        };
    ascending = ascending.thenComparingLong(Alert::id);
    boolean descending =
        sort == AlertSort.DETECTED_AT_DESC
            || sort == AlertSort.LAST_SEEN_AT_DESC
            || sort == AlertSort.SEVERITY_DESC;
    return descending ? ascending.reversed() : ascending;
  }

  private static <T> boolean anyOrContains(Set<T> wanted, T value) {
    return wanted.isEmpty() || wanted.contains(value);
  }

  private static boolean containsText(Alert alert, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return alert.title().toLowerCase(Locale.ROOT).contains(needle)
        || Objects.toString(alert.message(), "").toLowerCase(Locale.ROOT).contains(needle);
  }

  private static <K extends Enum<K>> Map<K, Long> countEvery(
      Class<K> vocabulary, List<Alert> alerts, Function<Alert, K> key) {
    Map<K, Long> counts = new EnumMap<>(vocabulary);
    for (K value : EnumSet.allOf(vocabulary)) {
      counts.put(value, 0L);
    }
    alerts.forEach(alert -> counts.merge(key.apply(alert), 1L, Long::sum));
    return counts;
  }

  private static <K> Map<K, Long> countBy(List<Alert> alerts, Function<Alert, K> key) {
    return alerts.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
