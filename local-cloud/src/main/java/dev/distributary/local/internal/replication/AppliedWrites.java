package dev.distributary.local.internal.replication;

import dev.distributary.change.Image;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes the replicator applied to a region, so that it recognises their echo in that
 * region's stream and does not replicate them again. A write is known by its table, key and
 * resulting image (or deletion).
 */
final class AppliedWrites {
    private final Map<String, Integer> pending = new ConcurrentHashMap<>();

    void expect(String region, String table, Image keys, Image newImageOrNull) {
        pending.merge(fingerprint(region, table, keys, newImageOrNull), 1, Integer::sum);
    }

    /** Whether the record is the echo of an applied write; consumes the expectation. */
    boolean consumeEcho(String region, String table, Image keys, Image newImageOrNull) {
        String key = fingerprint(region, table, keys, newImageOrNull);
        boolean[] found = {false};
        pending.computeIfPresent(key, (k, count) -> {
            found[0] = true;
            return count == 1 ? null : count - 1;
        });
        return found[0];
    }

    /** Withdraws an expectation for a write that turned out not to happen (a refused condition). */
    void forget(String region, String table, Image keys, Image newImageOrNull) {
        consumeEcho(region, table, keys, newImageOrNull);
    }

    private static String fingerprint(String region, String table, Image keys, Image newImage) {
        return region + "|" + table + "|" + new java.util.TreeMap<>(keys.attributes()) + "|"
                + (newImage == null ? "<deleted>" : new java.util.TreeMap<>(newImage.attributes()).toString());
    }
}
