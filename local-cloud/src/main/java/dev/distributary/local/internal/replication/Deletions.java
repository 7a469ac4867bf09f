package dev.distributary.local.internal.replication;

import dev.distributary.change.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent hard deletes per region, table and key, with their time: global tables keep such
 * tombstones internally so that an older write arriving after a delete does not bring the item
 * back. Entries are kept for {@code retention}, far longer than any replication delay.
 */
final class Deletions {
    private final Map<String, Instant> deletedAt = new ConcurrentHashMap<>();
    private final Duration retention;

    Deletions(Duration retention) {
        this.retention = retention;
    }

    void record(String region, String table, Image keys, Instant when) {
        deletedAt.merge(key(region, table, keys), when, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether a write made at {@code writtenAt} is older than a delete of the same item in the region. */
    boolean supersedes(String region, String table, Image keys, Instant writtenAt) {
        Instant deleted = deletedAt.get(key(region, table, keys));
        return deleted != null && !writtenAt.isAfter(deleted);
    }

    void expire(Instant now) {
        deletedAt.values().removeIf(when -> when.plus(retention).isBefore(now));
    }

    private static String key(String region, String table, Image keys) {
        return region + "|" + table + "|" + new TreeMap<>(keys.attributes());
    }
}
