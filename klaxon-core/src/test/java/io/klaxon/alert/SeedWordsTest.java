package io.klaxon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeds' status and severity words are read as Klaxon's, whatever their case. */
class SeedWordsTest {

  @ParameterizedTest(name = "status ''{0}'' is {1}")
  @CsvSource({
    "open, OPEN",
    "new, OPEN",
    "NEW, OPEN",
    "Active, OPEN",
    "acknowledged, ACKNOWLEDGED",
    "resolved, RESOLVED",
    "closed, RESOLVED",
    "CLOSED, RESOLVED",
    "dismissed, DISMISSED",
    "expired, EXPIRED",
    "past, EXPIRED",
    "Past, EXPIRED",
    "'  open  ', OPEN"
  })
  void statusWord_isReadAsKlaxonStatus(String word, AlertStatus expected) {
    assertThat(AlertStatus.parse(word)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "severity ''{0}'' is {1}")
  @CsvSource({
    "critical, CRITICAL",
    "immediate, CRITICAL",
    "IMMEDIATE, CRITICAL",
    "high, HIGH",
    "elevated, HIGH",
    "Elevated, HIGH",
    "medium, MEDIUM",
    "warning, MEDIUM",
    "WARNING, MEDIUM",
    "normal, MEDIUM",
    "Normal, MEDIUM",
    "low, LOW",
    "LOW, LOW",
    "info, INFO"
  })
  void severityWord_isReadAsKlaxonSeverity(String word, Severity expected) {
    assertThat(Severity.parse(word)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pending", "", "opened", "ack"})
  void unknownStatusWord_isInvalidInputNamingStatus(String word) {
    assertThatThrownBy(() -> AlertStatus.parse(word))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors()).hasSize(1);
              assertThat(invalid.errors().getFirst().field()).isEqualTo("status");
              assertThat(invalid.errors().getFirst().reason()).contains("'" + word + "'", "open");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"urgent", "severe", "", "crit"})
  void unknownSeverityWord_isInvalidInputNamingSeverity(String word) {
    assertThatThrownBy(() -> Severity.parse(word))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors().getFirst().field()).isEqualTo("severity");
              assertThat(invalid.errors().getFirst().reason())
                  .contains("'" + word + "'", "critical");
            });
  }

  @ParameterizedTest
  @CsvSource({"OPEN, open", "ACKNOWLEDGED, acknowledged", "EXPIRED, expired"})
  void status_isWrittenAsItsLowercaseWord(AlertStatus status, String word) {
    assertThat(status.word()).isEqualTo(word);
    assertThat(AlertStatus.parse(status.word())).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({"CRITICAL, 4", "HIGH, 3", "MEDIUM, 2", "LOW, 1", "INFO, 0"})
  void severity_ranksCriticalHighest(Severity severity, int rank) {
    assertThat(severity.rank()).isEqualTo(rank);
    assertThat(Severity.parse(severity.word())).isEqualTo(severity);
  }
}
