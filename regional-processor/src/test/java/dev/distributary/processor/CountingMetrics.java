package dev.distributary.processor;

import java.util.EnumMap;
import java.util.Map;

/** Metrics in memory, summed over every flush. */
final class CountingMetrics implements ProcessorMetrics {
    private final Map<Metric, Long> counts = new EnumMap<>(Metric.class);

    @Override
    public synchronized void count(Metric metric, long value) {
        counts.merge(metric, value, Long::sum);
    }

    @Override
    public void lag(long millis) {}

    @Override
    public void flush() {}

    synchronized long get(Metric metric) {
        return counts.getOrDefault(metric, 0L);
    }
}
