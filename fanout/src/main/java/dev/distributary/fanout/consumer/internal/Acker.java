package dev.distributary.fanout.consumer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Deletes handled messages in batches of up to ten: after the first one it waits at most
 * {@link #LINGER_MILLIS} for more, so deletes batch up under load and are still prompt when idle.
 */
public final class Acker implements Runnable {
    static final long LINGER_MILLIS = 20;

    private final Flights flights;
    private final BlockingQueue<InFlight> handled = new LinkedBlockingQueue<>();
    private volatile boolean finishing;

    public Acker(Flights flights) {
        this.flights = flights;
    }

    public void handled(InFlight message) {
        handled.add(message);
    }

    /** Deletes what is pending, then stops. */
    public void finish() {
        finishing = true;
    }

    @Override
    public void run() {
        while (true) {
            InFlight first;
            try {
                first = handled.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                first = handled.poll();
                if (first == null) {
                    return;
                }
            }
            if (first == null) {
                if (finishing) {
                    return;
                }
                continue;
            }
            List<InFlight> batch = new ArrayList<>();
            batch.add(first);
            linger(batch);
            flights.delete(batch);
        }
    }

    private void linger(List<InFlight> batch) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (batch.size() < SqsBatch.MAX_ENTRIES) {
            handled.drainTo(batch, SqsBatch.MAX_ENTRIES - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= SqsBatch.MAX_ENTRIES || left <= 0 || finishing) {
                return;
            }
            try {
                InFlight next = handled.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) {
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
