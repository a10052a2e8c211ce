package io.klaxon.bench.inprocess;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AttributeMerge;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Triggers shaped as the server's Alertmanager intake makes them from the side-by-side payload
 * ({@code klaxon-bench/scripts/alertmanager-post.lua}): four labels, one annotation, the generator
 * URL and the times, kept flat in the attributes. Every string is built anew for each trigger, as
 * parsing a request body does, so that the heap and CPU measured are those of real requests.
 */
public final class AlertmanagerShape {

  private static final Actor ACTOR = Actor.of("alertmanager");

  private AlertmanagerShape() {}

  /** How the intake has the engine merge a re-send's attributes (AlertAttributes.MERGE). */
  public static final AttributeMerge MERGE =
      new AttributeMerge(Set.of("receivedAt"), Set.of("startsAt"));

  private static final Instant STARTS_AT = Instant.parse("2026-11-23T06:00:00Z");

  /**
   * The trigger for label set {@code n}, received at {@code now}, as the intake makes it: the
   * engine keeps the receivedAt of the first receipt and the earliest startsAt ({@link #MERGE}).
   */
  public static AlertCommand.Trigger trigger(long n, Instant now) {
    AlertCommand.Trigger t = unmerged(n, now);
    return new AlertCommand.Trigger(
        t.fingerprint(),
        t.source(),
        t.type(),
        t.severity(),
        t.title(),
        t.message(),
        t.subject(),
        t.value(),
        t.threshold(),
        t.changePercent(),
        t.attributes(),
        t.occurredAt(),
        t.expiresAt(),
        t.actor(),
        t.previousValue(),
        STARTS_AT,
        MERGE);
  }

  /** {@link #trigger} without the merge: a re-send received later rewrites the alert's row. */
  public static AlertCommand.Trigger unmerged(long n, Instant now) {
    String host = "host-" + n;
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(fresh("labels.") + fresh("alertname"), fresh("DiskFull"));
    attributes.put(fresh("labels.") + fresh("instance"), fresh(host));
    attributes.put(fresh("labels.") + fresh("job"), fresh("node"));
    attributes.put(fresh("labels.") + fresh("severity"), fresh("warning"));
    attributes.put(fresh("annotations.") + fresh("summary"), "disk almost full on " + host);
    attributes.put(fresh("generatorURL"), fresh("http://prometheus/graph"));
    attributes.put(fresh("startsAt"), STARTS_AT.toString());
    attributes.put(fresh("receivedAt"), now.toString());
    attributes.put(fresh("receivedVia"), "api");
    String instance = fresh(host);
    return new AlertCommand.Trigger(
        fingerprint(host),
        "alertmanager",
        fresh("DiskFull"),
        Severity.parse(fresh("warning")),
        "disk almost full on " + host,
        null,
        Subject.of(fresh("instance"), instance, instance),
        null,
        null,
        null,
        attributes,
        null,
        null,
        ACTOR);
  }

  /**
   * The key the server gives this label set: {@code am:} and Alertmanager's fingerprint (FNV-1a 64
   * over the sorted label names and values, each followed by 0xff), so that alerts opened here are
   * the ones the side-by-side payload re-triggers.
   */
  static String fingerprint(String host) {
    long hash = 0xcbf29ce484222325L;
    for (String part :
        new String[] {
          "alertname", "DiskFull", "instance", host, "job", "node", "severity", "warning"
        }) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
      }
      hash = (hash ^ 0xff) * 0x100000001b3L;
    }
    return "am:" + HexFormat.of().toHexDigits(hash);
  }

  /** A copy of a literal, as a JSON parser hands out: equal, not the same object. */
  private static String fresh(String literal) {
    return new String(literal.toCharArray());
  }
}
