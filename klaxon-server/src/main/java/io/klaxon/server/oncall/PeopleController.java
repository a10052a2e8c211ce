package io.klaxon.server.oncall;

import io.klaxon.access.Actor;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.NamedBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** People who can be on call: a time zone and the receivers that reach them, in order. */
@RestController
@Tag(name = "on-call")
class PeopleController {

  private final OnCallDirectory directory;
  private final ObjectMapper json;

  PeopleController(OnCallDirectory directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
  }

  @GetMapping("/api/people")
  @Operation(summary = "Every person, by name")
  List<PersonBody> list() {
    return NamedBody.byName(directory.people().values());
  }

  @GetMapping("/api/people/{name}")
  @Operation(summary = "One person")
  PersonBody get(@PathVariable String name) {
    return directory.person(name);
  }

  @PostMapping("/api/people")
  @Operation(summary = "Add a person: name, timeZone (IANA), contacts (receiver names in order)")
  ResponseEntity<PersonBody> create(@RequestBody JsonNode body, Actor actor) {
    PersonBody person =
        NamedBody.newName(
            FieldErrors.readBody(json, body, PersonBody.class),
            directory.people().keySet(),
            "a person");
    directory.putPerson(person, actor);
    return ResponseEntity.created(URI.create("/api/people/" + person.name())).body(person);
  }

  @PutMapping("/api/people/{name}")
  @Operation(summary = "Add or replace a person")
  PersonBody put(@PathVariable String name, @RequestBody JsonNode body, Actor actor) {
    PersonBody person = NamedBody.atPath(FieldErrors.readBody(json, body, PersonBody.class), name);
    directory.putPerson(person, actor);
    return person;
  }

  @DeleteMapping("/api/people/{name}")
  @Operation(summary = "Remove a person no schedule names")
  ResponseEntity<Void> delete(@PathVariable String name) {
    directory.deletePerson(name);
    return ResponseEntity.noContent().build();
  }
}
