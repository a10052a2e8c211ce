package io.klaxon.detect.decisions;

import io.klaxon.access.Actor;
import io.klaxon.alert.Fingerprint;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Decision} into the trigger of a decision alert. Class and severity follow seed
 * 004, completed for the two cases it leaves out:
 *
 * <table>
 *   <caption>decision to alert class and severity</caption>
 *   <tr><th>action</th><th>urgency</th><th>class</th><th>severity</th></tr>
 *   <tr><td>CLOSE</td><td>IMMEDIATE</td><td>CRITICAL</td><td>critical</td></tr>
 *   <tr><td>CLOSE</td><td>HIGH</td><td>WARNING</td><td>high</td></tr>
 *   <tr><td>CLOSE</td><td>NORMAL</td><td>WARNING</td><td>medium (not in the seed)</td></tr>
 *   <tr><td>CLOSE</td><td>LOW</td><td>INFO</td><td>low (not in the seed)</td></tr>
 *   <tr><td>ROLL</td><td>any</td><td>INFO</td><td>medium</td></tr>
 *   <tr><td>HOLD</td><td>any</td><td colspan="2">no alert</td></tr>
 * </table>
 *
 * <p>A CLOSE that is merely to be monitored (NORMAL) is still a warning, since a position should
 * go, but no more urgent than a ROLL; a LOW one is informational, as the seed describes LOW. The
 * alert's source is {@value #SOURCE}, its type the rule, its title the rule and position ("Take
 * Profit triggered on SPY IC"), its message the reason, its subject {@code strategy/{strategyId}}
 * or else {@code symbol/{symbol}} (none when the decision names neither); its attributes are {@code
 * action}, {@code urgency} and {@code class} (lowercase words), {@code rule}, {@code symbol} and
 * {@code strategyId} when given, and {@code metadata}.
 */
public final class DecisionMapper {

  /** The source of every decision alert. */
  public static final String SOURCE = "decisions";

  private DecisionMapper() {}

  /**
   * The trigger for a decision, or empty for a HOLD, which needs no one's attention. Its
   * fingerprint is the decision id when given, else derived from source, subject and rule, so a
   * rule firing again on the same position re-triggers its active alert.
   */
  public static Optional<AlertCommand.Trigger> toTrigger(Decision decision) {
    return classOf(decision)
        .map(
            alertClass -> {
              Subject subject = subjectOf(decision);
              return new AlertCommand.Trigger(
                  Fingerprint.of(decision.decisionId(), SOURCE, subject, decision.rule()),
                  SOURCE,
                  decision.rule(),
                  severityOf(decision),
                  Titles.of(decision),
                  decision.reason(),
                  subject,
                  null,
                  null,
                  null,
                  attributesOf(decision, alertClass),
                  decision.decidedAt(),
                  null,
                  Actor.of(SOURCE));
            });
  }

  /** Seed 004's alert type for a decision; empty for HOLD. */
  public static Optional<AlertClass> classOf(Decision decision) {
    return Optional.ofNullable(
        switch (decision.action()) {
          case HOLD -> null;
          case ROLL -> AlertClass.INFO;
          case CLOSE ->
              switch (decision.urgency()) {
                case IMMEDIATE -> AlertClass.CRITICAL;
                case HIGH, NORMAL -> AlertClass.WARNING;
                case LOW -> AlertClass.INFO;
              };
        });
  }

  /** The alert severity for a decision that raises an alert (HOLD gives INFO, never used). */
  static Severity severityOf(Decision decision) {
    return switch (decision.action()) {
      case HOLD -> Severity.INFO;
      case ROLL -> Severity.MEDIUM;
      case CLOSE ->
          switch (decision.urgency()) {
            case IMMEDIATE -> Severity.CRITICAL;
            case HIGH -> Severity.HIGH;
            case NORMAL -> Severity.MEDIUM;
            case LOW -> Severity.LOW;
          };
    };
  }

  private static @Nullable Subject subjectOf(Decision decision) {
    if (decision.strategyId() != null) {
      return Subject.of("strategy", decision.strategyId(), Titles.position(decision));
    }
    if (decision.symbol() != null) {
      return Subject.of("symbol", decision.symbol(), null);
    }
    return null;
  }

  private static Map<String, Object> attributesOf(Decision decision, AlertClass alertClass) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("action", decision.action().word());
    attributes.put("urgency", decision.urgency().word());
    attributes.put("class", alertClass.word());
    attributes.put("rule", decision.rule());
    if (decision.symbol() != null) {
      attributes.put("symbol", decision.symbol());
    }
    if (decision.strategyId() != null) {
      attributes.put("strategyId", decision.strategyId());
    }
    attributes.put("metadata", decision.metadata());
    return attributes;
  }
}
