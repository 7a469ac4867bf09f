package dev.distributary.local.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One write at a time per table: moto would otherwise give two stream records one sequence number. */
class TableWriteOrderTest {
    private final TableWriteOrder order = new TableWriteOrder();

    private static ApiCall dynamo(String operation) {
        return new ApiCall("dynamodb", "eu-west-1", operation);
    }

    /** Holds a write to {@code held} open while a second call tries to run; answers whether the second ran meanwhile. */
    private boolean secondRunsWhileFirstHolds(ApiCall second, List<String> secondTables) throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        CompletableFuture<Void> first =
                CompletableFuture.runAsync(() -> run(dynamo("PutItem"), List.of("orders"), () -> {
                    firstInside.countDown();
                    await(release);
                }));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> other =
                CompletableFuture.runAsync(() -> run(second, secondTables, secondInside::countDown));
        boolean ranMeanwhile = secondInside.await(500, TimeUnit.MILLISECONDS);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        other.get(5, TimeUnit.SECONDS);
        assertThat(secondInside.getCount()).as("the second call ran in the end").isZero();
        return ranMeanwhile;
    }

    @Test
    void secondWriteToTheSameTable_waitsForTheFirst() throws Exception {
        assertThat(secondRunsWhileFirstHolds(dynamo("BatchWriteItem"), List.of("orders")))
                .isFalse();
    }

    @Test
    void writeToAnotherTable_runsAlongside() throws Exception {
        assertThat(secondRunsWhileFirstHolds(dynamo("PutItem"), List.of("eu-customers")))
                .isTrue();
    }

    @Test
    void readOfTheSameTable_runsAlongside() throws Exception {
        assertThat(secondRunsWhileFirstHolds(dynamo("GetItem"), List.of("orders")))
                .isTrue();
    }

    private void run(ApiCall call, List<String> tables, Runnable work) {
        try {
            order.run(call, tables, work::run);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
