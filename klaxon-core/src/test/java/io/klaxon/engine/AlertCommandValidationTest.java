package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.problem.InvalidInput;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands refuse bad input when they are made, naming the field. */
class AlertCommandValidationTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void trigger_withoutTitle_isRefusedNamingTitle(String title) {
    assertRefused(
        () -> AlertCommand.Trigger.of("fp", "hosts", "disk", Severity.HIGH, title), "title");
  }

  @Test
  void trigger_withTooLongTitle_isRefusedNamingTitle() {
    String title = "t".repeat(AlertCommand.Limits.TITLE + 1);

    assertRefused(
        () -> AlertCommand.Trigger.of("fp", "hosts", "disk", Severity.HIGH, title), "title");
  }

  @Test
  void trigger_withTitleAtTheLimit_isAccepted() {
    String title = "t".repeat(AlertCommand.Limits.TITLE);

    assertThat(AlertCommand.Trigger.of("fp", "hosts", "disk", Severity.HIGH, title).title())
        .isEqualTo(title);
  }

  @Test
  void trigger_withBlankKeys_isRefusedNamingEach() {
    assertRefused(
        () -> AlertCommand.Trigger.of(" ", "hosts", "disk", Severity.HIGH, "t"), "fingerprint");
    assertRefused(() -> AlertCommand.Trigger.of("fp", "", "disk", Severity.HIGH, "t"), "source");
    assertRefused(() -> AlertCommand.Trigger.of("fp", "hosts", " ", Severity.HIGH, "t"), "type");
  }

  @Test
  void trigger_withTooLongFingerprint_isRefused() {
    String fingerprint = "f".repeat(AlertCommand.Limits.KEY + 1);

    assertRefused(
        () -> AlertCommand.Trigger.of(fingerprint, "hosts", "disk", Severity.HIGH, "t"),
        "fingerprint");
  }

  @Test
  void trigger_withTooLongMessage_isRefusedNamingMessage() {
    String message = "m".repeat(AlertCommand.Limits.TEXT + 1);

    assertRefused(() -> trigger(message, null), "message");
  }

  @Test
  void trigger_withBlankSubjectKey_isRefusedNamingIt() {
    Subject subject = new Subject("server", " ", "NAS", null, Map.of());

    assertRefused(() -> trigger(null, subject), "subject.key");
  }

  @Test
  void change_withBlankActor_isRefusedNamingActor() {
    assertRefused(
        () -> AlertCommand.Change.of(AlertRef.id(1), Transition.RESOLVE, Actor.of(" ")), "actor");
  }

  @Test
  void note_withBlankText_isRefusedNamingText() {
    assertRefused(() -> new AlertCommand.Note(AlertRef.id(1), "  ", Actor.of("alice")), "text");
  }

  private static AlertCommand.Trigger trigger(String message, Subject subject) {
    return new AlertCommand.Trigger(
        "fp",
        "hosts",
        "disk",
        Severity.HIGH,
        "title",
        message,
        subject,
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        Actor.of("hosts"));
  }

  private static void assertRefused(ThrowingCallable making, String field) {
    assertThatThrownBy(making)
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors()).hasSize(1);
              assertThat(invalid.errors().getFirst().field()).isEqualTo(field);
              assertThat(invalid.getMessage()).startsWith(field + ":");
            });
  }
}
