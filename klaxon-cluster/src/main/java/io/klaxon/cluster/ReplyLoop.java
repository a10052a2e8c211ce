package io.klaxon.cluster;

import io.klaxon.alert.Alert;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the reply topic from its end, outside any group, and hands this instance's answers (keyed
 * by its node name) to the requests waiting for them.
 */
final class ReplyLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ReplyLoop.class);

  private final Consumer<String, byte[]> consumer;
  private final ClusterSettings settings;
  private final Answers answers;
  private final Function<Collection<Long>, Map<Long, Alert>> alerts;
  private volatile boolean running = true;

  ReplyLoop(
      Consumer<String, byte[]> consumer,
      ClusterSettings settings,
      Answers answers,
      Function<Collection<Long>, Map<Long, Alert>> alerts) {
    this.consumer = consumer;
    this.settings = settings;
    this.answers = answers;
    this.alerts = alerts;
  }

  void stop() {
    running = false;
    consumer.wakeup();
  }

  @Override
  public void run() {
    try {
      TopicPartition replies = new TopicPartition(settings.replyTopic(), 0);
      consumer.assign(List.of(replies));
      consumer.seekToEnd(List.of(replies));
      while (running) {
        try {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (settings.nodeName().equals(record.key())) {
              hand(record.value());
            }
          }
        } catch (WakeupException e) {
          // stop() or a spurious wake-up: the loop condition decides
        }
      }
    } catch (RuntimeException e) {
      log.error("The cluster's reply reader stopped: answers from other instances are lost", e);
    } finally {
      consumer.close();
    }
  }

  private void hand(byte[] value) {
    try {
      ResultCodec.Answer answer = ResultCodec.decode(value);
      if (answers.waitsFor(answer.request())) {
        answers.answer(
            answer.request(),
            answer.partition(),
            ResultCodec.results(
                answer, answers.wantsAlerts(answer.request()) ? alerts : ids -> Map.of()));
      }
    } catch (RuntimeException e) {
      log.warn("Skipped an unreadable answer: {}", e.toString());
    }
  }
}
