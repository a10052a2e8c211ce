package io.klaxon.notify;

/** Delivers a message to a receiver over the receiver's protocol. */
public interface Sender {

  /**
   * Sends once, without retrying: the dispatcher decides about retries. Never throws for a
   * receiver's failure; it answers a failed result instead.
   */
  DeliveryResult send(Receiver receiver, Message message);
}
