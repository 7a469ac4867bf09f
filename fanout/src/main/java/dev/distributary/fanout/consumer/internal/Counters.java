package dev.distributary.fanout.consumer.internal;

import java.util.concurrent.atomic.AtomicLong;

/** The consumer's running counts. */
public final class Counters {
    public final AtomicLong received = new AtomicLong();
    public final AtomicLong handled = new AtomicLong();
    public final AtomicLong deleted = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong released = new AtomicLong();
}
