package dev.distributary.processor;

/** The processor's counters, flushed once per invocation (CloudWatch embedded metrics in Lambda). */
public interface ProcessorMetrics {

    /** The metrics, as named in CloudWatch (namespace {@code Distributary}). */
    enum Metric {
        Processed,
        Published,
        SkippedReplica,
        Skipped,
        ResidencyBlocked,
        Quarantined,
        Retried
    }

    void count(Metric metric, long value);

    /** The time from the origin write to publishing, in milliseconds. */
    void lag(long millis);

    void flush();

    /** Metrics that go nowhere, for tests and tools. */
    ProcessorMetrics NONE = new ProcessorMetrics() {
        @Override
        public void count(Metric metric, long value) {}

        @Override
        public void lag(long millis) {}

        @Override
        public void flush() {}
    };
}
