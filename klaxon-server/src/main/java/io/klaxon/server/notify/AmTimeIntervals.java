package io.klaxon.server.notify;

import io.klaxon.notify.TimeInterval;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code alertmanager.yml}'s {@code time_intervals} (and the older top-level {@code
 * mute_time_intervals}, which has the same entries) into Klaxon's time intervals, by the name
 * routes give them (Alertmanager's, with characters Klaxon refuses made '-').
 */
final class AmTimeIntervals {

  /** The intervals read: stored documents and checked core values, by Klaxon name. */
  record Read(Map<String, TimeIntervalBody> bodies, Map<String, TimeInterval> intervals) {}

  private AmTimeIntervals() {}

  static Read read(AmNode root, AmReport report) {
    Map<String, TimeIntervalBody> bodies = new LinkedHashMap<>();
    Map<String, TimeInterval> intervals = new LinkedHashMap<>();
    for (String key : List.of("time_intervals", "mute_time_intervals")) {
      for (AmNode node : root.objects(key)) {
        String given = node.text("name");
        if (given == null || given.isEmpty()) {
          report.errors.add(node.path("name"), "every time interval needs a name");
          node.rest();
          continue;
        }
        String name = AmReceivers.klaxonName(given);
        List<TimeIntervalBody.PeriodBody> periods = new ArrayList<>();
        for (AmNode period : node.objects("time_intervals")) {
          periods.add(period(period));
        }
        node.rest();
        TimeIntervalBody body = new TimeIntervalBody(name, periods);
        TimeInterval interval = report.errors.attempt(node.path() + ".", () -> checked(body));
        if (interval == null) {
          continue;
        }
        if (bodies.putIfAbsent(name, body) != null) {
          report.errors.add(node.path("name"), "a time interval named '" + given + "' came before");
        } else {
          intervals.put(name, interval);
        }
      }
    }
    return new Read(bodies, intervals);
  }

  /**
   * The stored intervals the import removes (the file lacks them); a route made by hand that names
   * one stops the import, as it would lose its interval.
   */
  static List<String> removed(NotifyConfig.Snapshot current, Read read, AmReport report) {
    List<String> removed =
        current.intervalBodies().keySet().stream()
            .filter(name -> !read.bodies().containsKey(name))
            .toList();
    for (RouteBody body : current.routeBodies().values()) {
      if (body.alertmanagerReceiver() != null) {
        continue; // imported: replaced by this import
      }
      List<String> named = new ArrayList<>();
      named.addAll(body.muteTimeIntervals() == null ? List.of() : body.muteTimeIntervals());
      named.addAll(body.activeTimeIntervals() == null ? List.of() : body.activeTimeIntervals());
      for (String name : named) {
        if (removed.contains(name)) {
          report.errors.add(
              "time_intervals",
              "the route '"
                  + body.name()
                  + "' names the time interval '"
                  + name
                  + "', which this file does not have");
        }
      }
    }
    return removed;
  }

  private static TimeIntervalBody.PeriodBody period(AmNode node) {
    List<TimeIntervalBody.TimesBody> times = new ArrayList<>();
    for (AmNode span : node.objects("times")) {
      times.add(new TimeIntervalBody.TimesBody(span.text("start_time"), span.text("end_time")));
      span.rest();
    }
    TimeIntervalBody.PeriodBody body =
        new TimeIntervalBody.PeriodBody(
            times,
            node.texts("weekdays"),
            node.texts("days_of_month"),
            node.texts("months"),
            node.texts("years"),
            node.text("location"));
    node.rest();
    return body;
  }

  /** The interval, its faults named by the file's keys rather than the API's. */
  private static TimeInterval checked(TimeIntervalBody body) {
    FieldErrors own = new FieldErrors();
    TimeInterval interval = body.toInterval("", own);
    try {
      own.throwIfAny();
    } catch (InvalidInput e) {
      throw new InvalidInput(
          e.errors().stream()
              .map(error -> new InvalidInput.FieldError(snake(error.field()), error.reason()))
              .toList());
    }
    if (interval == null) {
      throw new IllegalStateException("a body without faults makes an interval");
    }
    return interval;
  }

  private static String snake(String field) {
    return field
        .replace("timeIntervals", "time_intervals")
        .replace("daysOfMonth", "days_of_month")
        .replace("startTime", "start_time")
        .replace("endTime", "end_time");
  }
}
