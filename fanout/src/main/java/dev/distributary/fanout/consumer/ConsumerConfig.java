package dev.distributary.fanout.consumer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link QueueConsumer} reads its queue. Build one with {@link QueueConsumer#builder}.
 *
 * @param queueUrl          the queue
 * @param workers           handler threads (1–256)
 * @param batchSize         messages per receive (1–10)
 * @param waitTime          long-polling wait per receive (0–20 s); with 0 (short polling) an empty receive is followed by a 100 ms pause
 * @param visibilityTimeout how long a received message stays hidden; extended while its handler runs (1 s – 12 h)
 * @param retryDelay        after a failure, hide the message this long before it is delivered again; empty: leave it
 *                          hidden for the rest of its visibility timeout
 * @param shutdownTimeout   how long {@link QueueConsumer#close()} lets running handlers finish before it interrupts them
 */
public record ConsumerConfig(
        String queueUrl,
        int workers,
        int batchSize,
        Duration waitTime,
        Duration visibilityTimeout,
        Optional<Duration> retryDelay,
        Duration shutdownTimeout) {

    public static final int DEFAULT_WORKERS = 4;
    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final Duration DEFAULT_WAIT_TIME = Duration.ofSeconds(20);
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    public ConsumerConfig {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("queueUrl must be a queue URL (GetQueueUrl returns it)");
        }
        require(workers >= 1 && workers <= 256, "workers is " + workers + "; allowed: 1 to 256");
        require(
                batchSize >= 1 && batchSize <= 10,
                "batchSize is " + batchSize + "; SQS receives 1 to 10 messages at a time");
        Objects.requireNonNull(waitTime, "waitTime");
        require(
                !waitTime.isNegative() && waitTime.compareTo(Duration.ofSeconds(20)) <= 0,
                "waitTime is " + waitTime + "; SQS allows 0 to 20 seconds");
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        require(
                visibilityTimeout.compareTo(Duration.ofSeconds(1)) >= 0
                        && visibilityTimeout.compareTo(MAX_VISIBILITY) <= 0,
                "visibilityTimeout is " + visibilityTimeout + "; allowed: 1 second to 12 hours");
        Objects.requireNonNull(retryDelay, "retryDelay");
        retryDelay.ifPresent(delay -> require(
                !delay.isNegative() && delay.compareTo(MAX_VISIBILITY) <= 0,
                "retryDelay is " + delay + "; allowed: 0 to 12 hours"));
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        require(!shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
    }

    /** FIFO queues' names end in {@code .fifo}; their messages are handled in order per message group. */
    public boolean fifo() {
        return queueUrl.endsWith(".fifo");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
