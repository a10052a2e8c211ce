package io.klaxon.detect.hosts;

import java.util.List;

/**
 * What the detector made of one request's signals.
 *
 * @param accepted signals taken in
 * @param ignored samples (or service reports) not newer than the last one taken in for their check:
 *     repeats, such as a request sent again, change nothing
 * @param registered servers registered by these signals, as they were unknown
 * @param changes the alert changes they caused, in order
 */
public record SignalReport(
    int accepted, int ignored, List<String> registered, List<HostAlertChange> changes) {

  public SignalReport {
    registered = List.copyOf(registered);
    changes = List.copyOf(changes);
  }
}
