package io.klaxon.server.notify;

import io.klaxon.access.Actor;
import io.klaxon.problem.InvalidInput;
import io.klaxon.suppress.InhibitRuleStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An {@code alertmanager.yml} imported into routes, receivers, time intervals and inhibition rules,
 * and written back for review.
 */
@RestController
@Tag(name = "notifications")
class AlertmanagerConfigController {

  private final NotifyConfig config;
  private final AlertmanagerImport importer;
  private final InhibitRuleStore inhibitRules;
  private final AlertmanagerExport export = new AlertmanagerExport();

  AlertmanagerConfigController(
      NotifyConfig config, AlertmanagerImport importer, InhibitRuleStore inhibitRules) {
    this.config = config;
    this.importer = importer;
    this.inhibitRules = inhibitRules;
  }

  @PostMapping(
      value = "/api/config/alertmanager",
      consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain", "*/*"})
  @Operation(
      summary =
          "Import an alertmanager.yml: routes, receivers, global settings, time intervals and"
              + " inhibition rules",
      description =
          "The body is the YAML file. Everything is checked, then written in one transaction, or"
              + " nothing is (400 naming every fault by its place, route.routes[1].matchers[0])."
              + " The answer lists the receivers, routes, time intervals and inhibition rules made,"
              + " those of an earlier import removed (inhibition rules made by hand stay), and"
              + " every element not taken with the reason. dryRun=true changes"
              + " nothing. Relative *_file paths are read from baseDir (default: the server's"
              + " working directory).")
  Object importConfig(
      @RequestBody(required = false) @Nullable String body,
      @Parameter(description = "check and answer, changing nothing")
          @RequestParam(defaultValue = "false")
          boolean dryRun,
      @Parameter(description = "the directory relative *_file paths are read from")
          @RequestParam(required = false)
          @Nullable String baseDir,
      Actor actor) {
    if (body == null || body.isBlank()) {
      throw new InvalidInput("config", "is required: the alertmanager.yml as the request body");
    }
    Path base = Path.of(baseDir == null ? "" : baseDir).toAbsolutePath();
    return importer.run(body, base, dryRun, actor);
  }

  @GetMapping(value = "/api/config/alertmanager", produces = "application/yaml")
  @Operation(
      summary = "The routes and receivers in force, written as an alertmanager.yml",
      description =
          "For review: the imported routing tree (or every route), each route's conditions as"
              + " matchers, secrets as ********.")
  ResponseEntity<String> exportConfig() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/yaml"))
        .body(export.write(config.current(), inhibitRules.all()));
  }
}
