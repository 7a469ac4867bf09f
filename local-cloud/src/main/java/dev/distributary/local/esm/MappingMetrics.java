package dev.distributary.local.esm;

import java.util.Collection;
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
    private final AtomicLong finalInvocations = new AtomicLong();
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

    /** A tumbling window's final invocation: an invocation (Lambda bills it) that carries no record. */
    void finalInvoked() {
        invocations.incrementAndGet();
        finalInvocations.incrementAndGet();
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
                finalInvocations.get(),
                iteratorAgeMillis.get());
    }

    /**
     * The counters at one moment; event counts are records, {@code invocations} are calls, {@code
     * finalInvocations} the tumbling windows' final calls among them (no records).
     */
    public record Snapshot(
            long polledEventCount,
            long filteredOutEventCount,
            long invokedEventCount,
            long failedInvokeEventCount,
            long droppedEventCount,
            long onFailureDestinationDeliveredEventCount,
            long invocations,
            long finalInvocations,
            long iteratorAgeMillis) {

        /** Several mappings' counters added up; the iterator age is the oldest of theirs. */
        public static Snapshot total(Collection<Snapshot> snapshots) {
            Snapshot sum = new Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0);
            for (Snapshot s : snapshots) {
                sum = new Snapshot(
                        sum.polledEventCount + s.polledEventCount,
                        sum.filteredOutEventCount + s.filteredOutEventCount,
                        sum.invokedEventCount + s.invokedEventCount,
                        sum.failedInvokeEventCount + s.failedInvokeEventCount,
                        sum.droppedEventCount + s.droppedEventCount,
                        sum.onFailureDestinationDeliveredEventCount + s.onFailureDestinationDeliveredEventCount,
                        sum.invocations + s.invocations,
                        sum.finalInvocations + s.finalInvocations,
                        Math.max(sum.iteratorAgeMillis, s.iteratorAgeMillis));
            }
            return sum;
        }
    }
}
