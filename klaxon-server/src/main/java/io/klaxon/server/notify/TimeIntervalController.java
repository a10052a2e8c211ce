package io.klaxon.server.notify;

import io.klaxon.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The time intervals routes name to be muted or active in, as an Alertmanager import brought them
 * (read only: an import replaces them).
 */
@RestController
@Tag(name = "notifications")
class TimeIntervalController {

  private final NotifyConfig config;

  TimeIntervalController(NotifyConfig config) {
    this.config = config;
  }

  @GetMapping("/api/time-intervals")
  @Operation(
      summary = "Every time interval, as Alertmanager's time_intervals in camelCase",
      description =
          "Routes name them in muteTimeIntervals and activeTimeIntervals; an alertmanager.yml"
              + " import makes and replaces them (docs/ALERTMANAGER.md).")
  List<TimeIntervalBody> list(@RequestParam MultiValueMap<String, String> params) {
    NoParams.check(params);
    return List.copyOf(config.current().intervalBodies().values());
  }

  @GetMapping("/api/time-intervals/{name}")
  @Operation(summary = "One time interval")
  TimeIntervalBody get(@PathVariable String name) {
    TimeIntervalBody body = config.current().intervalBodies().get(name);
    if (body == null) {
      throw new NotFound("time interval", name);
    }
    return body;
  }
}
