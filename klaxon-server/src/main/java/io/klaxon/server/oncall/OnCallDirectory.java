package io.klaxon.server.oncall;

import io.klaxon.access.Actor;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NotificationStore;
import io.klaxon.oncall.Person;
import io.klaxon.oncall.Schedule;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import io.klaxon.server.notify.PolicyUsers;
import io.klaxon.server.problem.FieldErrors;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * People and schedules, kept as the documents they were given as (in {@code notify_config}, beside
 * receivers and routes) and checked against each other on every change: a schedule names only
 * people that exist, a person only receivers that exist, and a person a schedule names cannot be
 * deleted.
 */
public final class OnCallDirectory {

  private final NotificationStore store;
  private final ObjectMapper json;
  private final InstantSource clock;

  OnCallDirectory(NotificationStore store, ObjectMapper json, InstantSource clock) {
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  Map<String, PersonBody> people() {
    return read(ConfigKind.PERSON, PersonBody.class);
  }

  Map<String, ScheduleBody> schedules() {
    return read(ConfigKind.SCHEDULE, ScheduleBody.class);
  }

  PersonBody person(String name) {
    PersonBody body = people().get(name);
    if (body == null) {
      throw new NotFound("person", name);
    }
    return body;
  }

  ScheduleBody scheduleBody(String name) {
    ScheduleBody body = schedules().get(name);
    if (body == null) {
      throw new NotFound("schedule", name);
    }
    return body;
  }

  /** The schedule as the core runs it. */
  Schedule schedule(String name) {
    FieldErrors errors = new FieldErrors();
    Schedule schedule = scheduleBody(name).toSchedule(errors, people().keySet());
    errors.throwIfAny();
    return Objects.requireNonNull(schedule);
  }

  /**
   * @throws io.klaxon.problem.InvalidInput naming every wrong field; nothing is written then
   */
  synchronized Person putPerson(PersonBody body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    Person person = body.toPerson(errors, names(ConfigKind.RECEIVER));
    errors.throwIfAny();
    write(ConfigKind.PERSON, Objects.requireNonNull(body.name()), body, actor);
    return Objects.requireNonNull(person);
  }

  /**
   * @throws io.klaxon.problem.InvalidInput naming every wrong field; nothing is written then
   */
  synchronized void putSchedule(ScheduleBody body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    body.toSchedule(errors, people().keySet());
    errors.throwIfAny();
    write(ConfigKind.SCHEDULE, Objects.requireNonNull(body.name()), body, actor);
  }

  /**
   * @throws Conflict naming the schedules that still name the person
   */
  synchronized void deletePerson(String name) {
    person(name);
    Set<String> users =
        schedules().entrySet().stream()
            .filter(entry -> entry.getValue().people().contains(name))
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!users.isEmpty()) {
      throw new Conflict(
          "name", "person " + name + " is named by the schedules " + users + "; change them first");
    }
    refuseIfPoliciesNotify("person", name);
    store.deleteDocument(ConfigKind.PERSON, name);
  }

  /**
   * @throws Conflict naming the escalation policies that notify the schedule
   */
  synchronized void deleteSchedule(String name) {
    scheduleBody(name);
    refuseIfPoliciesNotify("schedule", name);
    store.deleteDocument(ConfigKind.SCHEDULE, name);
  }

  private void refuseIfPoliciesNotify(String kind, String name) {
    List<String> policies = PolicyUsers.of(store, json, kind + ":" + name);
    if (!policies.isEmpty()) {
      throw new Conflict(
          "name",
          kind
              + " "
              + name
              + " is notified by the escalation policies "
              + policies
              + "; change them first");
    }
  }

  /** The names of the people. */
  public Set<String> personNames() {
    return people().keySet();
  }

  /** The names of the schedules. */
  public Set<String> scheduleNames() {
    return schedules().keySet();
  }

  /** The contact receivers of a person, in order; empty when there is no such person. */
  public List<String> contactsOf(String person) {
    PersonBody body = people().get(person);
    return body == null || body.contacts() == null ? List.of() : body.contacts();
  }

  /** Who the schedule has on call at {@code at}; empty when nobody is, or there is no schedule. */
  public java.util.Optional<String> onCallAt(String schedule, java.time.Instant at) {
    if (!schedules().containsKey(schedule)) {
      return java.util.Optional.empty();
    }
    return schedule(schedule).onCallAt(at);
  }

  /** The people whose contacts name the receiver: who would lose a way to be reached. */
  List<String> peopleReachedBy(String receiver) {
    return people().values().stream()
        .filter(person -> person.contacts() != null && person.contacts().contains(receiver))
        .map(PersonBody::name)
        .filter(Objects::nonNull)
        .toList();
  }

  private Set<String> names(ConfigKind kind) {
    return store.documents(kind).stream()
        .map(ConfigDocument::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  private void write(ConfigKind kind, String name, Object body, Actor actor) {
    store.putDocument(kind, name, json.writeValueAsString(body), actor, clock.instant());
  }

  private <T> Map<String, T> read(ConfigKind kind, Class<T> type) {
    Map<String, T> bodies = new LinkedHashMap<>();
    for (ConfigDocument document : store.documents(kind)) {
      @Nullable T body = json.readValue(document.json(), type);
      if (body != null) {
        bodies.put(document.name(), body);
      }
    }
    return bodies;
  }
}
