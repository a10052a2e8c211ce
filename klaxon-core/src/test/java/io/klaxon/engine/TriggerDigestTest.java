package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TriggerDigestTest {

  private static final AttributeMerge MERGE =
      new AttributeMerge(Set.of("receivedAt"), Set.of("startsAt"));

  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void anAlertOpenedByATrigger_hasItsDigest_whateverTheOrderOfItsAttributes() {
    AlertCommand.Trigger trigger = trigger("Disk full", attributes("a", "b"));
    Alert alert = TriggerRules.open(7, trigger, T0);

    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("receivedAt", "2026-12-06T12:00:00Z");
    reversed.put("startsAt", "2026-12-06T11:00:00Z");
    reversed.put("labels.instance", "b");
    reversed.put("labels.job", "a");

    assertThat(TriggerDigest.of(alert, MERGE)).isEqualTo(TriggerDigest.of(trigger));
    assertThat(TriggerDigest.of(trigger("Disk full", reversed)))
        .isEqualTo(TriggerDigest.of(trigger));
  }

  @Test
  void theValueOfAnAttributeKeptFirst_isLeftOut_butNotItsName() {
    Map<String, Object> laterReceipt = attributes("a", "b");
    laterReceipt.put("receivedAt", "2026-12-06T12:05:00Z");
    Map<String, Object> noReceipt = attributes("a", "b");
    noReceipt.remove("receivedAt");

    TriggerDigest first = TriggerDigest.of(trigger("Disk full", attributes("a", "b")));
    assertThat(TriggerDigest.of(trigger("Disk full", laterReceipt))).isEqualTo(first);
    assertThat(TriggerDigest.of(trigger("Disk full", noReceipt))).isNotEqualTo(first);
  }

  @Test
  void everyFieldARetriggerCompares_movesTheDigest() {
    AlertCommand.Trigger base = trigger("Disk full", attributes("a", "b"));
    Map<String, Object> earlier = attributes("a", "b");
    earlier.put("startsAt", "2026-12-06T10:00:00Z");
    Map<String, Object> swapped = attributes("b", "a");
    Map<String, Object> typed = attributes("a", "b");
    typed.put("labels.job", 1L);
    List<AlertCommand.Trigger> changed =
        List.of(
            trigger("Disk fuller", attributes("a", "b")),
            trigger("Disk full", earlier),
            trigger("Disk full", swapped),
            trigger("Disk full", typed),
            with(base, Severity.CRITICAL, base.message(), base.subject(), base.value()),
            with(base, base.severity(), "details", base.subject(), base.value()),
            with(base, base.severity(), base.message(), Subject.of("server", "h1", null), null),
            with(base, base.severity(), base.message(), base.subject(), 1.5));

    TriggerDigest digest = TriggerDigest.of(base);
    assertThat(changed)
        .allSatisfy(other -> assertThat(TriggerDigest.of(other)).isNotEqualTo(digest));
  }

  @Test
  void aTitleThatDiffersInOneChar_orInItsLength_movesTheDigest_whereverTheChange() {
    // Texts go in 8 chars a round, with a last round of 0 to 7: every position and tail length.
    String text = "Disk almost full on host-1"; // a title is never blank: lengths 1 to 26
    Set<TriggerDigest> digests = new HashSet<>();
    int made = 0;
    for (int length = 1; length <= text.length(); length++) {
      String title = text.substring(0, length);
      digests.add(TriggerDigest.of(trigger(title, attributes("a", "b"))));
      digests.add(TriggerDigest.of(trigger(title + "\u0000", attributes("a", "b"))));
      made += 2;
      for (int at = 0; at < length; at++) {
        char[] changed = title.toCharArray();
        changed[at] = (char) (changed[at] ^ 0x100); // beyond Latin-1: every bit of a char counts
        digests.add(TriggerDigest.of(trigger(new String(changed), attributes("a", "b"))));
        made++;
      }
    }

    assertThat(digests).hasSize(made).doesNotContainNull();
  }

  @Test
  void attributeNamesOfOneHash_keepTheirOwnDigests_andANameDigestsAlikeEveryTime() {
    // "Aa" and "BB" have one String.hashCode: the digest's table of names holds them in one slot.
    Map<String, Object> aa = attributes("a", "b");
    aa.put("labels.Aa", "x");
    Map<String, Object> bb = attributes("a", "b");
    bb.put("labels.BB", "x");
    Map<String, Object> aaAgain = attributes("a", "b");
    aaAgain.put(new String("labels.Aa".toCharArray()), "x");

    TriggerDigest first = TriggerDigest.of(trigger("Disk full", aa));
    TriggerDigest other = TriggerDigest.of(trigger("Disk full", bb));

    assertThat("labels.Aa".hashCode()).isEqualTo("labels.BB".hashCode());
    assertThat(other).isNotEqualTo(first);
    assertThat(TriggerDigest.of(trigger("Disk full", aaAgain))).isEqualTo(first);
    assertThat(TriggerDigest.of(trigger("Disk full", bb))).isEqualTo(other);
  }

  @Test
  void anAttributeOfAnotherKind_hasNoDigest() {
    Map<String, Object> listed = attributes("a", "b");
    listed.put("tags", List.of("x", "y"));

    assertThat(TriggerDigest.of(trigger("Disk full", listed))).isNull();
  }

  private static Map<String, Object> attributes(String job, String instance) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("labels.job", job);
    attributes.put("labels.instance", instance);
    attributes.put("startsAt", "2026-12-06T11:00:00Z");
    attributes.put("receivedAt", "2026-12-06T12:00:00Z");
    return attributes;
  }

  private static AlertCommand.Trigger trigger(String title, Map<String, Object> attributes) {
    return new AlertCommand.Trigger(
        "fp",
        "alertmanager",
        "DiskFull",
        Severity.HIGH,
        title,
        null,
        null,
        null,
        null,
        null,
        attributes,
        null,
        null,
        Actor.of("alertmanager"),
        null,
        null,
        MERGE);
  }

  private static AlertCommand.Trigger with(
      AlertCommand.Trigger trigger,
      Severity severity,
      @Nullable String message,
      @Nullable Subject subject,
      @Nullable Double value) {
    return new AlertCommand.Trigger(
        trigger.fingerprint(),
        trigger.source(),
        trigger.type(),
        severity,
        trigger.title(),
        message,
        subject,
        value,
        trigger.threshold(),
        trigger.changePercent(),
        trigger.attributes(),
        trigger.occurredAt(),
        trigger.expiresAt(),
        trigger.actor(),
        trigger.previousValue(),
        trigger.startedAt(),
        trigger.merge());
  }
}
