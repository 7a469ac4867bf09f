package dev.distributary.fanout.consumer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Deletes handled messages in batches: it takes whatever has been handled since its last call,
 * up to ten, so deletes batch up under load and are prompt when idle.
 */
public final class Acker implements Runnable {
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
            handled.drainTo(batch, SqsBatch.MAX_ENTRIES - 1);
            flights.delete(batch);
        }
    }
}
