package dev.distributary.local.replication;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per region pair: copies applied, copies refused by last-writer-wins, echoes recognised, and the latest lag. */
public final class ReplicationMetrics {
    private final Map<String, Counters> pairs = new ConcurrentHashMap<>();

    private static final class Counters {
        final AtomicLong applied = new AtomicLong();
        final AtomicLong superseded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong lagMillis = new AtomicLong();
    }

    /** One pair's figures. */
    public record Pair(long applied, long superseded, long failed, long lagMillis) {
    }

    void applied(String from, String to, long lagMillis) {
        Counters counters = counters(from, to);
        counters.applied.incrementAndGet();
        counters.lagMillis.set(lagMillis);
    }

    void superseded(String from, String to) {
        counters(from, to).superseded.incrementAndGet();
    }

    void failed(String from, String to) {
        counters(from, to).failed.incrementAndGet();
    }

    /** Applied copies arriving in the region (from every other region). */
    public long appliedInto(String region) {
        return pairs.entrySet().stream().filter(e -> e.getKey().endsWith("->" + region)).mapToLong(e -> e.getValue().applied.get()).sum();
    }

    /** "from->to" to its figures. */
    public Map<String, Pair> snapshot() {
        Map<String, Pair> snapshot = new TreeMap<>();
        pairs.forEach((key, c) -> snapshot.put(key, new Pair(c.applied.get(), c.superseded.get(), c.failed.get(), c.lagMillis.get())));
        return snapshot;
    }

    private Counters counters(String from, String to) {
        return pairs.computeIfAbsent(from + "->" + to, key -> new Counters());
    }
}
