package dev.distributary.fanout.consumer.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps held messages hidden while they wait or their handler runs: every quarter of the
 * visibility timeout, each message with less than half of it left gets a whole timeout more.
 */
public final class VisibilityKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisibilityKeeper.class);

    private final Flights flights;
    private final SqsBatch sqs;
    private final Duration visibility;
    private final IntConsumer onExtended;
    private final ScheduledExecutorService timer;

    public VisibilityKeeper(
            Flights flights, SqsBatch sqs, Duration visibility, IntConsumer onExtended, String threadName) {
        this.flights = flights;
        this.sqs = sqs;
        this.visibility = visibility;
        this.onExtended = onExtended;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @SuppressWarnings(
            "FutureReturnValueIgnored") // extendDue catches and logs its own failures; shutdown cancels the task
    public void start() {
        long period = Math.max(100, visibility.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::extendDue, period, period, TimeUnit.MILLISECONDS);
    }

    private void extendDue() {
        try {
            long now = System.nanoTime();
            long half = visibility.toNanos() / 2;
            List<InFlight> due = flights.unsettled().stream()
                    .filter(m -> m.visibleUntilNanos() - now < half)
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            List<InFlight> extended = sqs.changeVisibility(due, (int) visibility.toSeconds());
            long until = now + visibility.toNanos();
            extended.forEach(m -> m.visibleUntil(until));
            if (!extended.isEmpty()) {
                onExtended.accept(extended.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not extend the visibility of held messages: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
