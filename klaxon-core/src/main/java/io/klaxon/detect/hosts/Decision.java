package io.klaxon.detect.hosts;

import java.util.List;

/** What a rule made of one signal: the check's new state and what to do with its alert. */
record Decision(AlertState state, List<AlertAction> actions) {

  Decision {
    actions = List.copyOf(actions);
  }

  static Decision keep(AlertState state) {
    return new Decision(state, List.of());
  }

  static Decision of(StateDraft draft, AlertAction... actions) {
    return new Decision(draft.build(), List.of(actions));
  }
}
