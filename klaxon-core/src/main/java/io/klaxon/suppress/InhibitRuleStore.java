package io.klaxon.suppress;

import java.util.List;
import java.util.Optional;

/** Where inhibition rules are kept, by name. */
public interface InhibitRuleStore {

  /** Stores the rule, replacing the one of the same name; answers whether it replaced one. */
  boolean put(InhibitRule rule, String by);

  /** Deletes the rule; answers whether there was one. */
  boolean delete(String name);

  /** The rule with this name, if there is one. */
  Optional<InhibitRule> find(String name);

  /** Every rule, by name. */
  List<InhibitRule> all();

  /**
   * The names of the rules from this origin: {@code alertmanager} for those an import made, {@code
   * api} for those made by hand (a rule put by hand is made by hand, whatever made it first).
   */
  List<String> namesFrom(String origin);
}
