package io.klaxon.suppress;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Silences looked up by one equality matcher of each of their matcher sets, so that an alert is
 * checked against the few silences that can match it rather than all of them: with 1,000 silences
 * on {@code alertname} or {@code source}, an alert's check is a few map lookups. A silence with a
 * set that has no equality matcher is checked against every alert.
 */
public final class SilenceIndex {

  private final List<Silence> silences;

  /** Label name to its value to the positions of the silences with a set anchored there. */
  private final Map<String, Map<String, List<Integer>>> anchored = new HashMap<>();

  /** Positions of the silences that must be checked against every alert. */
  private final List<Integer> everywhere = new ArrayList<>();

  /** The silences, in this order (the order {@link #matching} keeps). */
  public SilenceIndex(List<Silence> silences) {
    this.silences = List.copyOf(silences);
    for (int position = 0; position < this.silences.size(); position++) {
      Silence silence = this.silences.get(position);
      List<LabelMatcher> anchors = new ArrayList<>();
      for (List<LabelMatcher> set : silence.matcherSets()) {
        LabelMatcher anchor = anchor(set);
        if (anchor == null) {
          anchors = null;
          break;
        }
        anchors.add(anchor);
      }
      if (anchors == null || anchors.isEmpty()) {
        everywhere.add(position);
        continue;
      }
      for (LabelMatcher anchor : anchors) {
        List<Integer> at =
            anchored
                .computeIfAbsent(anchor.name(), name -> new HashMap<>())
                .computeIfAbsent(anchor.value(), value -> new ArrayList<>());
        if (at.isEmpty() || at.getLast() != position) {
          at.add(position);
        }
      }
    }
  }

  /** The silences that match the labels, in the order given; state is not looked at. */
  public List<Silence> matching(Map<String, String> labels) {
    BitSet candidates = new BitSet(silences.size());
    for (int position : everywhere) {
      candidates.set(position);
    }
    for (Map.Entry<String, Map<String, List<Integer>>> byName : anchored.entrySet()) {
      List<Integer> at = byName.getValue().get(labels.getOrDefault(byName.getKey(), ""));
      if (at != null) {
        for (int position : at) {
          candidates.set(position);
        }
      }
    }
    List<Silence> found = new ArrayList<>();
    for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
      Silence silence = silences.get(p);
      if (silence.matches(labels)) {
        found.add(silence);
      }
    }
    return found;
  }

  /** Whether there are no silences at all. */
  public boolean isEmpty() {
    return silences.isEmpty();
  }

  /** The set's first equality matcher, the one an alert's value is looked up by; null if none. */
  private static @Nullable LabelMatcher anchor(List<LabelMatcher> set) {
    for (LabelMatcher matcher : set) {
      if (matcher.type() == MatchType.EQUAL) {
        return matcher;
      }
    }
    return null;
  }
}
