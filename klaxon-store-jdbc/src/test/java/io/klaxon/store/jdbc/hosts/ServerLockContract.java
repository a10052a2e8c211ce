package io.klaxon.store.jdbc.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link io.klaxon.detect.hosts.HostStore#inServerLock}: the work on a server is done by one holder
 * at a time, its result given back, the lock freed however it ends.
 */
interface ServerLockContract extends HostFixture {

  @Test
  default void theWorkInAServersLock_givesItsResult_andAFailureFreesTheLock() {
    assertThat(hosts().inServerLock(Set.of("nas-01"), () -> "done")).isEqualTo("done");
    assertThatThrownBy(
            () ->
                hosts()
                    .inServerLock(
                        Set.of("nas-01"),
                        () -> {
                          throw new IllegalStateException("refused");
                        }))
        .hasMessage("refused");

    String fromAnotherThread =
        CompletableFuture.supplyAsync(
                () -> hosts().inServerLock(Set.of("nas-01"), () -> "again"), HostFixture.THREADS)
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
    assertThat(fromAnotherThread).isEqualTo("again");
  }

  @Test
  default void twoThreadsChangingOneServer_workOneAfterTheOther() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                hosts()
                    .inServerLock(
                        Set.of("nas-01", "nas-02"),
                        () -> {
                          holding.countDown();
                          return await(finish);
                        }),
            HostFixture.THREADS);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () -> hosts().inServerLock(Set.of("nas-02"), () -> countDown(entered)),
            HostFixture.THREADS);

    assertThat(entered.await(300, TimeUnit.MILLISECONDS)).isFalse();
    finish.countDown();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
  }

  @Test
  default void whileOneServerIsLocked_anotherServersWorkGoesOn() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                hosts()
                    .inServerLock(
                        Set.of("nas-01"),
                        () -> {
                          holding.countDown();
                          return await(finish);
                        }),
            HostFixture.THREADS);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    String other =
        CompletableFuture.supplyAsync(
                () -> hosts().inServerLock(Set.of("nas-02"), () -> "free"), HostFixture.THREADS)
            .orTimeout(10, TimeUnit.SECONDS)
            .join();

    assertThat(other).isEqualTo("free");
    finish.countDown();
    first.get(10, TimeUnit.SECONDS);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean countDown(CountDownLatch latch) {
    latch.countDown();
    return true;
  }
}
