package io.klaxon.server.notify;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.klaxon.alert.Severity;
import io.klaxon.notify.Grouping;
import io.klaxon.notify.Match;
import io.klaxon.notify.Occasion;
import io.klaxon.notify.QuietHours;
import io.klaxon.notify.Route;
import io.klaxon.notify.RouteTimes;
import io.klaxon.notify.TimeInterval;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Matchers;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A route as the API and the configuration file give it (and as it is stored). Without {@code
 * notifyOn} it notifies opened, escalated and resolved; the group wait defaults to 30 seconds, the
 * group interval to 300 seconds with {@code groupBy} and 0 without (each alert alone). A {@code
 * policy} (an escalation policy's name) is started for each alert the route matches when opened,
 * beside or instead of the receivers. A route with a {@code parent} is tried only for alerts the
 * parent matches (docs/NOTIFICATIONS.md). {@code alertmanagerReceiver} names the Alertmanager
 * receiver an imported route stands for (its receivers together); such a route may have no
 * receivers, as Alertmanager's receivers without integrations drop what they get. With {@code
 * sendSuppressedResolutions} the resolution of a suppressed alert is notified anyway (held by
 * default). {@code muteTimeIntervals} and {@code activeTimeIntervals} name time intervals (as
 * Alertmanager's routes do): the route's notifications wait while one muting interval holds, and
 * while none of the active ones does; they are the route's own, not its children's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RouteBody(
    @Nullable String name,
    @Nullable MatchBody match,
    @Nullable List<String> receivers,
    @Nullable List<String> notifyOn,
    @JsonProperty("continue") @Nullable Boolean continueMatching,
    @Nullable List<String> groupBy,
    @Nullable Long groupWaitSeconds,
    @Nullable Long groupIntervalSeconds,
    @Nullable Long repeatIntervalSeconds,
    @Nullable QuietHoursBody quietHours,
    @Nullable String policy,
    @Nullable String parent,
    @Nullable String alertmanagerReceiver,
    @Nullable Boolean sendSuppressedResolutions,
    @Nullable List<String> muteTimeIntervals,
    @Nullable List<String> activeTimeIntervals) {

  static final long DEFAULT_GROUP_WAIT_SECONDS = 30;
  static final long DEFAULT_GROUP_INTERVAL_SECONDS = 300;

  /**
   * Which alerts: the least severity, and the types, sources and subject types accepted (each a
   * word or a list), and attribute values required.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MatchBody(
      @Nullable String severity,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<String> type,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<String> source,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<String> subjectType,
      @Nullable Map<String, String> attributes,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          @Nullable List<String> matchers) {}

  /** Daily hours, {@code HH:mm} in {@code timeZone}, in which notifications wait. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record QuietHoursBody(
      @Nullable String timeZone,
      @Nullable String start,
      @Nullable String end,
      @Nullable Boolean criticalOverrides) {}

  RouteBody named(String newName) {
    return new RouteBody(
        newName,
        match,
        receivers,
        notifyOn,
        continueMatching,
        groupBy,
        groupWaitSeconds,
        groupIntervalSeconds,
        repeatIntervalSeconds,
        quietHours,
        policy,
        parent,
        alertmanagerReceiver,
        sendSuppressedResolutions,
        muteTimeIntervals,
        activeTimeIntervals);
  }

  /** The core route naming no time intervals, or null with every fault recorded. */
  @Nullable Route toRoute(FieldErrors errors) {
    return toRoute(errors, Map.of());
  }

  /**
   * The core route, or null with every fault recorded in {@code errors}; the time intervals it
   * names must be among {@code intervals}.
   */
  @Nullable Route toRoute(FieldErrors errors, Map<String, TimeInterval> intervals) {
    int before = errors.size();
    errors.require("name", name);
    if (policy == null && alertmanagerReceiver == null) {
      errors.require("receivers", receivers);
    }
    if (policy == null
        && alertmanagerReceiver == null
        && receivers != null
        && receivers.isEmpty()) {
      errors.add("receivers", "needs at least one receiver, or a policy");
    }
    Match parsedMatch = match == null ? Match.ANY : errors.attempt("match.", this::parseMatch);
    Set<Occasion> occasions = Route.DEFAULT_OCCASIONS;
    if (notifyOn != null) {
      occasions = EnumSet.noneOf(Occasion.class);
      for (int i = 0; i < notifyOn.size(); i++) {
        int index = i;
        Occasion occasion =
            errors.attempt(
                "", () -> Occasion.parse("notifyOn[" + index + "]", notifyOn.get(index)));
        if (occasion != null) {
          occasions.add(occasion);
        }
      }
    }
    List<String> by = groupBy == null ? List.of() : groupBy;
    long wait = groupWaitSeconds == null ? DEFAULT_GROUP_WAIT_SECONDS : groupWaitSeconds;
    long interval =
        groupIntervalSeconds != null
            ? groupIntervalSeconds
            : by.isEmpty() ? 0 : DEFAULT_GROUP_INTERVAL_SECONDS;
    Grouping grouping =
        errors.attempt(
            "", () -> new Grouping(by, Duration.ofSeconds(wait), Duration.ofSeconds(interval)));
    QuietHours quiet =
        quietHours == null ? null : errors.attempt("quietHours.", this::parseQuietHours);
    RouteTimes times =
        new RouteTimes(
            intervals("muteTimeIntervals", muteTimeIntervals, intervals, errors),
            intervals("activeTimeIntervals", activeTimeIntervals, intervals, errors));
    if (errors.size() > before) {
      return null;
    }
    Set<Occasion> on = occasions;
    return errors.attempt(
        "",
        () ->
            new Route(
                Objects.requireNonNull(name),
                Objects.requireNonNull(parsedMatch),
                receivers == null ? List.of() : receivers,
                on,
                Boolean.TRUE.equals(continueMatching),
                Objects.requireNonNull(grouping),
                repeatIntervalSeconds == null ? null : Duration.ofSeconds(repeatIntervalSeconds),
                quiet,
                parent,
                Boolean.TRUE.equals(sendSuppressedResolutions),
                times));
  }

  private static List<TimeInterval> intervals(
      String field,
      @Nullable List<String> names,
      Map<String, TimeInterval> known,
      FieldErrors errors) {
    List<TimeInterval> found = new ArrayList<>();
    List<String> given = orEmpty(names);
    for (int i = 0; i < given.size(); i++) {
      TimeInterval interval = given.get(i) == null ? null : known.get(given.get(i));
      if (interval == null) {
        errors.add(field + "[" + i + "]", "no time interval is named '" + given.get(i) + "'");
      } else {
        found.add(interval);
      }
    }
    return found;
  }

  private Match parseMatch() {
    MatchBody body = Objects.requireNonNull(match);
    Severity least = body.severity() == null ? null : Severity.parse(body.severity());
    List<LabelMatcher> labels = new ArrayList<>();
    List<String> given = orEmpty(body.matchers());
    for (int i = 0; i < given.size(); i++) {
      labels.addAll(Matchers.parse("matchers[" + i + "]", given.get(i)));
    }
    return new Match(
        least,
        Set.copyOf(orEmpty(body.type())),
        Set.copyOf(orEmpty(body.source())),
        Set.copyOf(orEmpty(body.subjectType())),
        body.attributes() == null ? Map.of() : body.attributes(),
        labels);
  }

  private QuietHours parseQuietHours() {
    QuietHoursBody body = Objects.requireNonNull(quietHours);
    ZoneId zone;
    try {
      zone = body.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(body.timeZone());
    } catch (DateTimeException e) {
      throw new InvalidInput(
          "timeZone", "'" + body.timeZone() + "' is not a time zone such as Europe/Berlin");
    }
    return new QuietHours(
        zone,
        time("start", body.start()),
        time("end", body.end()),
        !Boolean.FALSE.equals(body.criticalOverrides()));
  }

  private static LocalTime time(String field, @Nullable String text) {
    if (text == null) {
      throw new InvalidInput(field, "is required, as HH:mm");
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeException e) {
      throw new InvalidInput(field, "'" + text + "' is not a time of day as HH:mm");
    }
  }

  private static List<String> orEmpty(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
