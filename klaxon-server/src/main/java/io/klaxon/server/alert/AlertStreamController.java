package io.klaxon.server.alert;

import io.klaxon.alert.Alert;
import io.klaxon.engine.AlertEngine;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * The change feed over Server-Sent Events: one {@code alert} event per committed alert change, its
 * data the alert as {@code GET /api/alerts/{id}} shows it, its id {@code <alertId>:<version>}.
 *
 * <p>The engine's writer only offers each change to every client's bounded buffer and never waits:
 * a client that falls {@code klaxon.stream.buffer} events behind is told {@code reset} and
 * disconnected (it reconnects and reloads), so a slow reader holds neither the writer nor memory.
 * Each client is written by its own virtual thread, which also sends a comment as a heartbeat when
 * nothing happened for {@code klaxon.stream.heartbeat}.
 *
 * <p>The changes come from {@link LiveChanges}: this instance's engine on one instance; in cluster
 * mode the change feed in PostgreSQL, so that every instance shows the changes of every partition.
 */
@RestController
@Tag(name = "alerts")
class AlertStreamController implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AlertStreamController.class);

  private final ObjectMapper json;
  private final int bufferSize;
  private final Duration heartbeat;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final LiveChanges changes;
  private volatile boolean running;

  AlertStreamController(
      AlertEngine engine,
      ObjectProvider<LiveChanges> live,
      ObjectMapper json,
      @Value("${klaxon.stream.buffer:1000}") int bufferSize,
      @Value("${klaxon.stream.heartbeat:15s}") Duration heartbeat) {
    this.json = json;
    this.bufferSize = bufferSize;
    this.heartbeat = heartbeat;
    this.changes = live.getIfAvailable(() -> new EngineChanges(engine));
    changes.follow(this::committed, () -> !clients.isEmpty());
  }

  @GetMapping(value = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Follow every committed alert change as Server-Sent Events",
      description =
          "Event 'alert' per committed change (data: the alert as GET /api/alerts/{id} shows it;"
              + " id: alertId:version). A comment line as heartbeat when idle. A client too slow"
              + " to keep up gets event 'reset' and is disconnected: reload, then follow again.")
  SseEmitter stream(@RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    new QueryParams(params, errors, List.of());
    errors.throwIfAny();
    SseEmitter emitter =
        new SseEmitter(0L); // no time-out: the stream lasts until either side ends it
    Client client = new Client(emitter, new ArrayBlockingQueue<>(bufferSize));
    clients.add(client);
    try {
      changes.joined();
    } catch (RuntimeException e) {
      clients.remove(client); // the feed's position could not be read: no stream to follow
      throw e;
    }
    emitter.onCompletion(() -> client.end());
    emitter.onError(e -> client.end());
    emitter.onTimeout(() -> client.end());
    Thread.ofVirtual().name("klaxon-alert-stream").start(client::pump);
    return emitter;
  }

  /** A client that went away is no failure: there is no one left to answer. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("alert stream client gone: {}", e.toString());
  }

  /**
   * On the engine's writer thread (or, in cluster mode, the feed's reader): hand each change to
   * every client, never waiting.
   */
  private void committed(List<Alert> alerts) {
    for (Client client : clients) {
      for (Alert alert : alerts) {
        if (!client.queue.offer(alert)) {
          client.overflowed = true;
          break;
        }
      }
    }
  }

  /** How many clients follow the stream now. */
  int clientCount() {
    return clients.size();
  }

  /** One connected reader: its buffer of changes not yet written, drained by its own thread. */
  private final class Client {
    final SseEmitter emitter;
    final BlockingQueue<Alert> queue;
    volatile boolean overflowed;
    volatile boolean ended;

    Client(SseEmitter emitter, BlockingQueue<Alert> queue) {
      this.emitter = emitter;
      this.queue = queue;
    }

    void end() {
      ended = true;
      clients.remove(this);
      queue.clear();
    }

    void pump() {
      try {
        emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        while (!ended) {
          if (overflowed) {
            emitter.send(
                SseEmitter.event().name("reset").data("buffer full: reload, then follow again"));
            emitter.complete();
            break;
          }
          Alert alert = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          if (alert == null) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
          } else {
            emitter.send(
                SseEmitter.event()
                    .name("alert")
                    .id(alert.id() + ":" + alert.version())
                    .data(json.writeValueAsString(AlertView.of(alert))));
          }
        }
      } catch (IOException | IllegalStateException e) {
        log.debug("alert stream client gone: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        end();
      }
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every stream before the web server's graceful shutdown, which would wait for them. */
  @Override
  public void stop() {
    running = false;
    for (Client client : clients) {
      client.end();
      try {
        client.emitter.complete();
      } catch (RuntimeException e) {
        log.debug("closing an alert stream: {}", e.toString());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
