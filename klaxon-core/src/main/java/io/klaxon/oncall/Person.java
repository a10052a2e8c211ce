package io.klaxon.oncall;

import java.time.ZoneId;
import java.util.List;

/**
 * Someone who can be on call: their time zone, and the receivers that reach them, tried in order.
 */
public record Person(String name, ZoneId timeZone, List<String> contacts) {

  public Person {
    contacts = List.copyOf(contacts);
  }
}
