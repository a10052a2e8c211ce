package io.klaxon.cluster;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node Kafka (KRaft, broker and controller combined) in the test's JVM, from Kafka's own test
 * kit, which spring-kafka-test's embedded broker wraps.
 */
public final class KraftBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;

  private KraftBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static KraftBroker start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            // A group forms at once rather than after the default 3 s wait for more members.
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            // One broker: the internal topics cannot have the default three replicas.
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return new KraftBroker(cluster);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
