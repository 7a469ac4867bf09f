package dev.distributary.local.replication;

import java.time.Duration;
import java.util.Objects;

/**
 * How the local global-table replication behaves.
 *
 * @param minDelay      the shortest time between a write and its copy in another region
 * @param maxDelay      the longest (each copy waits a random time in between)
 * @param preserveOrder keep each item's copies to a region in stream order (as global tables keep
 *                      per-item order); false lets jitter reorder them, for fault injection
 * @param pollInterval  between polls of a source stream that had no new record (one that had some is read again at once)
 */
public record ReplicationSettings(Duration minDelay, Duration maxDelay, boolean preserveOrder, Duration pollInterval) {

    public static ReplicationSettings defaults() {
        return new ReplicationSettings(Duration.ofMillis(500), Duration.ofMillis(1_000), true, Duration.ofMillis(250));
    }

    public ReplicationSettings {
        Objects.requireNonNull(minDelay, "minDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
            throw new IllegalArgumentException(
                    "replication delay must satisfy 0 <= min <= max, not " + minDelay + ".." + maxDelay);
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    public ReplicationSettings withDelay(Duration min, Duration max) {
        return new ReplicationSettings(min, max, preserveOrder, pollInterval);
    }
}
