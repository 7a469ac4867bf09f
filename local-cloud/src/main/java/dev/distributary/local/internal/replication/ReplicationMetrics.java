package dev.distributary.local.internal.replication;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per region pair: copies applied, copies refused by last-writer-wins, failed attempts, and the
 * latest lag; per region, records of its streams that could not be read and were not copied.
 */
public final class ReplicationMetrics {
    private final Map<String, Counters> pairs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unreadable = new ConcurrentHashMap<>();

    private static final class Counters {
        final AtomicLong applied = new AtomicLong();
        final AtomicLong superseded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong lagMillis = new AtomicLong();
    }

    /** One pair's figures. */
    public record Pair(long applied, long superseded, long failed, long lagMillis) {}

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

    void unreadable(String region) {
        unreadable.computeIfAbsent(region, r -> new AtomicLong()).incrementAndGet();
    }

    /** Records of the region's streams that could not be read (malformed) and were not copied. */
    public long unreadableIn(String region) {
        AtomicLong count = unreadable.get(region);
        return count == null ? 0 : count.get();
    }

    /** Copies refused by last-writer-wins (a newer version was already there), all pairs together. */
    public long superseded() {
        return pairs.values().stream().mapToLong(c -> c.superseded.get()).sum();
    }

    /** Applied copies arriving in the region (from every other region). */
    public long appliedInto(String region) {
        return pairs.entrySet().stream()
                .filter(e -> e.getKey().endsWith("->" + region))
                .mapToLong(e -> e.getValue().applied.get())
                .sum();
    }

    /** "from->to" to its figures. */
    public Map<String, Pair> snapshot() {
        Map<String, Pair> snapshot = new TreeMap<>();
        pairs.forEach((key, c) ->
                snapshot.put(key, new Pair(c.applied.get(), c.superseded.get(), c.failed.get(), c.lagMillis.get())));
        return snapshot;
    }

    private Counters counters(String from, String to) {
        return pairs.computeIfAbsent(from + "->" + to, key -> new Counters());
    }
}
