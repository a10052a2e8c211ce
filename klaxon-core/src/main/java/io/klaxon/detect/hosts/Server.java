package io.klaxon.detect.hosts;

import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A monitored server: the subject {@code server/{id}} of its alerts.
 *
 * @param id the server's key: letters, digits, '.', '_' and '-', at most 255, as in URLs
 * @param tags free labels, distinct, in the order given
 * @param autoRegistered whether Klaxon registered it on its first signal
 */
public record Server(
    String id,
    String hostname,
    String displayName,
    List<String> tags,
    boolean autoRegistered,
    Instant createdAt,
    Instant updatedAt) {

  /** The subject type of servers. */
  public static final String SUBJECT_TYPE = "server";

  public static final int MAX_TAGS = 50;
  public static final int MAX_TAG_LENGTH = 100;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  /**
   * @throws InvalidInput naming each bad field
   */
  public Server {
    tags = List.copyOf(new LinkedHashSet<>(tags));
    List<FieldError> errors = new ArrayList<>();
    checkId("id", id).ifPresent(errors::add);
    text("hostname", hostname, AlertCommand.Limits.KEY, errors);
    text("displayName", displayName, AlertCommand.Limits.TITLE, errors);
    if (tags.size() > MAX_TAGS) {
      errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags"));
    }
    for (String tag : tags) {
      if (tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
        errors.add(new FieldError("tags", "each tag is 1 to " + MAX_TAG_LENGTH + " characters"));
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /**
   * A new server; the hostname defaults to the id, the display name to the hostname.
   *
   * @throws InvalidInput naming each bad field
   */
  public static Server of(
      String id,
      @Nullable String hostname,
      @Nullable String displayName,
      List<String> tags,
      boolean autoRegistered,
      Instant now) {
    String host = hostname == null || hostname.isBlank() ? id : hostname.trim();
    String name = displayName == null || displayName.isBlank() ? host : displayName.trim();
    return new Server(id, host, name, tags, autoRegistered, now, now);
  }

  /** The same server with new descriptive fields; id, origin and creation time stay. */
  public Server describedAs(
      @Nullable String hostname, @Nullable String displayName, List<String> newTags, Instant now) {
    Server fresh = of(id, hostname, displayName, newTags, autoRegistered, now);
    return new Server(
        id, fresh.hostname(), fresh.displayName(), fresh.tags(), autoRegistered, createdAt, now);
  }

  /** The subject of this server's alerts. */
  public Subject subject() {
    return Subject.of(SUBJECT_TYPE, id, displayName);
  }

  /** Why a server id is refused, if it is: as an error on {@code field}. */
  public static Optional<FieldError> checkId(String field, @Nullable String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of(new FieldError(field, "is required"));
    }
    if (!ID.matcher(id).matches()) {
      return Optional.of(
          new FieldError(
              field,
              "'"
                  + id
                  + "' is not a server id: 1 to 255 letters, digits, '.', '_' or '-',"
                  + " starting with a letter or digit"));
    }
    return Optional.empty();
  }

  private static void text(String field, @Nullable String value, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required and must not be blank"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }
}
