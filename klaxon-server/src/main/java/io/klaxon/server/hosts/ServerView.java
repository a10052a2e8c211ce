package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.Server;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A server as the API shows it.
 *
 * @param status {@code online}, {@code offline} (an offline alert is open) or {@code unknown} (no
 *     heartbeat yet)
 * @param lastHeartbeatAt when Klaxon last received a heartbeat from it
 */
public record ServerView(
    String id,
    String hostname,
    String displayName,
    List<String> tags,
    boolean autoRegistered,
    Instant createdAt,
    Instant updatedAt,
    String status,
    @Nullable Instant lastHeartbeatAt) {

  /** A server's status from its offline detector state: online, offline, or unknown before any. */
  public static String status(Optional<AlertState> offline) {
    return offline.map(state -> state.alerting() ? "offline" : "online").orElse("unknown");
  }

  static ServerView of(Server server, Optional<AlertState> offline) {
    String status = status(offline);
    return new ServerView(
        server.id(),
        server.hostname(),
        server.displayName(),
        server.tags(),
        server.autoRegistered(),
        server.createdAt(),
        server.updatedAt(),
        status,
        offline.map(AlertState::lastSignalAt).orElse(null));
  }

  /** One page of servers, by id. */
  record Page(List<ServerView> servers, long total, int limit, long offset) {}
}
