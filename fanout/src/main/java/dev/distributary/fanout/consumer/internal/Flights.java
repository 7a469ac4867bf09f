package dev.distributary.fanout.consumer.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The messages a consumer holds, and the bound on how many it works on: one permit per message
 * from receive until its handling is over (freed); the message itself is tracked, and kept
 * hidden, until it is settled: deleted, released or left for redelivery.
 */
public final class Flights {
    private final Set<InFlight> messages = ConcurrentHashMap.newKeySet();
    private final Semaphore capacity;
    private final SqsBatch sqs;
    private final Counters counters;
    private final IntConsumer onReleased;

    public Flights(int capacity, SqsBatch sqs, Counters counters, IntConsumer onReleased) {
        this.capacity = new Semaphore(capacity);
        this.sqs = sqs;
        this.counters = counters;
        this.onReleased = onReleased;
    }

    /** Waits up to {@code timeout} for room for {@code count} more messages. */
    public boolean reserve(int count, Duration timeout) throws InterruptedException {
        return capacity.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives back room reserved for messages that did not arrive. */
    public void unreserve(int count) {
        if (count > 0) {
            capacity.release(count);
        }
    }

    public void add(List<InFlight> received) {
        messages.addAll(received);
    }

    /** The messages not yet settled. */
    public List<InFlight> unsettled() {
        return messages.stream().filter(m -> !m.isSettled()).toList();
    }

    public int size() {
        return messages.size();
    }

    /** Gives back the message's room once its handling is over (it may still await its delete). */
    public void free(InFlight message) {
        if (message.free()) {
            capacity.release();
        }
    }

    /** Marks the messages settled (whatever happened to them on the queue), frees them and stops tracking them. */
    public void settle(List<InFlight> settled) {
        for (InFlight message : settled) {
            free(message);
            if (message.settle()) {
                messages.remove(message);
            }
        }
    }

    /** Makes the messages visible again at once (visibility 0), unprocessed, and settles them. */
    public void release(List<InFlight> toRelease) {
        List<InFlight> open = toRelease.stream().filter(m -> !m.isSettled()).toList();
        if (open.isEmpty()) {
            return;
        }
        int released = sqs.changeVisibility(open, 0).size(); // the others come back when their visibility runs out
        counters.released.addAndGet(released);
        settle(open);
        if (released > 0) {
            onReleased.accept(released);
        }
    }

    /** Leaves a failed message for redelivery: after {@code retryDelay}, or when its visibility timeout runs out. */
    public void leave(InFlight message, Optional<Duration> retryDelay) {
        retryDelay.ifPresent(
                delay -> sqs.changeVisibility(List.of(message), (int) Math.min(Integer.MAX_VALUE, delay.toSeconds())));
        settle(List.of(message));
    }

    /** Deletes handled messages and settles them; returns how many were deleted. */
    public int delete(List<InFlight> handled) {
        int deleted = sqs.delete(handled).size();
        counters.deleted.addAndGet(deleted);
        settle(handled);
        return deleted;
    }

    /** Everything still held, for a last release on shutdown. */
    public List<InFlight> all() {
        return new ArrayList<>(messages);
    }
}
