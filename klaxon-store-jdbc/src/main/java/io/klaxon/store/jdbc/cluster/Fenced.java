package io.klaxon.store.jdbc.cluster;

/**
 * A partition's owner tried to commit after another instance took the partition over: nothing of
 * that commit is kept.
 */
public final class Fenced extends RuntimeException {

  private final int partition;

  public Fenced(int partition, long epoch) {
    super(
        "partition "
            + partition
            + " is no longer owned at epoch "
            + epoch
            + ": another instance took it over");
    this.partition = partition;
  }

  public int partition() {
    return partition;
  }
}
