package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recurring silence: alerts matching any of its matcher sets are suppressed during each
 * occurrence of its schedule.
 *
 * @param id Klaxon's number, 0 before the store assigns one
 * @param matcherSets one or more sets; an alert matches when it passes every matcher of one set
 */
public record MaintenanceWindow(
    long id,
    String name,
    List<List<LabelMatcher>> matcherSets,
    WindowSchedule schedule,
    String createdBy,
    String comment,
    Instant updatedAt) {

  public MaintenanceWindow {
    matcherSets = matcherSets.stream().map(List::copyOf).toList();
    List<FieldError> faults = faults(name, matcherSets);
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
  }

  /**
   * What is wrong with a window's name and matchers: a name is needed, and each set, as a
   * silence's, needs a matcher that does not match the empty string (else it matches every alert).
   */
  public static List<FieldError> faults(String name, List<List<LabelMatcher>> matcherSets) {
    List<FieldError> faults = new ArrayList<>();
    if (name.isBlank()) {
      faults.add(new FieldError("name", "a maintenance window needs a name"));
    }
    if (matcherSets.isEmpty()) {
      faults.add(new FieldError("matchers", "at least one matcher is required"));
    }
    for (int i = 0; i < matcherSets.size(); i++) {
      List<LabelMatcher> set = matcherSets.get(i);
      String field = matcherSets.size() == 1 ? "matchers" : "matcherSets[" + i + "]";
      if (set.isEmpty()) {
        faults.add(new FieldError(field, "a matcher set needs at least one matcher"));
      } else if (set.stream().allMatch(matcher -> matcher.matchesValue(""))) {
        faults.add(new FieldError(field, "at least one matcher must not match the empty string"));
      }
    }
    return faults;
  }

  /** Whether the label set passes every matcher of at least one set (time is not looked at). */
  public boolean matches(Map<String, String> labels) {
    for (List<LabelMatcher> set : matcherSets) {
      if (Matchers.all(set, labels)) {
        return true;
      }
    }
    return false;
  }

  /** The occurrence open at the instant, if one is. */
  public Optional<Occurrence> openAt(Instant instant) {
    return schedule.at(instant);
  }

  /** The same window with the store's id. */
  public MaintenanceWindow withId(long newId) {
    return new MaintenanceWindow(newId, name, matcherSets, schedule, createdBy, comment, updatedAt);
  }
}
