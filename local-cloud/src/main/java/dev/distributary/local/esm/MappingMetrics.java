package dev.distributary.local.esm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The mapping's metrics, as Lambda names them: the EventCount metrics (PolledEventCount,
 * FilteredOutEventCount, InvokedEventCount, FailedInvokeEventCount, DroppedEventCount,
 * OnFailureDestinationDeliveredEventCount) and IteratorAge, the age of the last record of the
 * last finished batch.
 */
public final class MappingMetrics {
    private final AtomicLong polled = new AtomicLong();
    private final AtomicLong filteredOut = new AtomicLong();
    private final AtomicLong invoked = new AtomicLong();
    private final AtomicLong failedInvoke = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong onFailureDelivered = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong iteratorAgeMillis = new AtomicLong();

    void polled(int count) {
        polled.addAndGet(count);
    }

    void filteredOut(int count) {
        filteredOut.addAndGet(count);
    }

    void invoked(int count) {
        invoked.addAndGet(count);
        invocations.incrementAndGet();
    }

    void failedInvoke(int count) {
        failedInvoke.addAndGet(count);
    }

    void dropped(int count, boolean delivered) {
        dropped.addAndGet(count);
        if (delivered) {
            onFailureDelivered.addAndGet(count);
        }
    }

    void iteratorAge(long millis) {
        iteratorAgeMillis.set(millis);
    }

    public Snapshot snapshot() {
        return new Snapshot(
                polled.get(),
                filteredOut.get(),
                invoked.get(),
                failedInvoke.get(),
                dropped.get(),
                onFailureDelivered.get(),
                invocations.get(),
                iteratorAgeMillis.get());
    }

    /** The counters at one moment; event counts are records, {@code invocations} are calls. */
    public record Snapshot(
            long polledEventCount,
            long filteredOutEventCount,
            long invokedEventCount,
            long failedInvokeEventCount,
            long droppedEventCount,
            long onFailureDestinationDeliveredEventCount,
            long invocations,
            long iteratorAgeMillis) {}
}
