package dev.distributary.replication.sim;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One global table in several regions, as version 2019.11.21 behaves: each region applies its own
 * writes at once and records them in its stream; replication delivers each write to every other
 * region later, in order per item and source, and applies it only when it is newer than what the
 * replica holds (last writer wins), recording it in that region's stream. Writes go through the
 * origin-stamping writer (stamps, tombstones); the simulation remembers which logical change each
 * stream record came from and which region should treat it as local.
 */
final class GlobalTableSimulation {
    static final String TABLE = "orders";
    private static final long START_MILLIS = 1_795_687_200_000L;

    /** What a replica holds for a key: the item (null when deleted) and the LWW timestamp of its last write. */
    private record Version(Image item, long timestamp) {}

    private record Message(String from, String to, String key, Image item, long timestamp, long change) {}

    /** A stream record, the region whose stream holds it, and the logical change it came from. */
    record Emitted(String region, ChangeRecord record, long change) {}

    /** A logical change: what it was and the region that must treat it as local. */
    record Change(long id, String kind, String localRegion) {}

    private final List<String> regions;
    private final Map<String, Map<String, Version>> replicas = new HashMap<>();
    private final Map<String, ChangeRecords> streams = new HashMap<>();
    private final List<Message> pending = new ArrayList<>();
    private final List<Emitted> emitted = new ArrayList<>();
    private final Map<Long, Change> changes = new LinkedHashMap<>();
    private final Map<Long, Set<String>> appliedIn = new HashMap<>();
    private long clock = START_MILLIS;
    private long nextChange = 1;

    GlobalTableSimulation(List<String> regions) {
        this.regions = List.copyOf(regions);
        for (String region : regions) {
            replicas.put(region, new HashMap<>());
            streams.put(region, ChangeRecords.in(region, TABLE));
        }
    }

    List<Emitted> emitted() {
        return emitted;
    }

    Map<Long, Change> changes() {
        return changes;
    }

    /** The regions the change was applied in (its own and wherever replication found it newest). */
    Set<String> appliedIn(long change) {
        return appliedIn.getOrDefault(change, Set.of());
    }

    static Image keys(String key) {
        return Items.of("pk", s(key), "sk", s("v0"));
    }

    /** PutItem through the stamping writer: replaces the item (re-creating a tombstoned one). */
    void put(String region, String key, int value) {
        Image item = Items.with(keys(key), "value", n(value), "kind", s("put"));
        writeLocally(region, key, ts -> Items.stamped(item, region, ts), "put", region);
    }

    /** UpdateItem through the stamping writer: creates or changes a live item (applications do not update tombstones). */
    void update(String region, String key, int value) {
        Image current = current(region, key);
        if (current != null && isTombstone(current)) {
            return;
        }
        Image base = current == null ? keys(key) : current;
        writeLocally(
                region,
                key,
                ts -> Items.stamped(Items.with(base, "value", n(value), "kind", s("update")), region, ts),
                "update",
                region);
    }

    /** The tombstone writer: only a live item (its condition refuses a missing item or a tombstone). */
    void tombstone(String region, String key) {
        Image current = current(region, key);
        if (current == null || isTombstone(current)) {
            return;
        }
        writeLocally(region, key, ts -> Items.tombstone(current, region, ts, ts / 1000), "tombstone", region);
    }

    /**
     * A hard delete of a live item. Attribution to the last writer holds once replication has
     * converged, so the key is converged before and the delete is delivered everywhere after.
     */
    void hardDelete(String region, String key) {
        flush(key);
        Image current = current(region, key);
        if (current == null || isTombstone(current)) {
            return;
        }
        String lastWriter = current.string(Items.ORIGIN).orElseThrow();
        writeLocally(region, key, ts -> null, "hard delete", lastWriter);
        flush(key);
    }

    /** DynamoDB's TTL process removing a tombstone in one region (a day after it was written, so replicas have converged). */
    void expire(String region, String key) {
        flush(key);
        Image current = current(region, key);
        if (current == null || !isTombstone(current)) {
            return;
        }
        long change = newChange("ttl expiry", region);
        long ts = ++clock;
        emit(region, current, null, change, true);
        replicas.get(region).put(key, new Version(null, ts));
        appliedIn.computeIfAbsent(change, c -> new HashSet<>()).add(region);
        replicateFrom(region, key, null, ts, change);
        flush(key);
    }

    /** Delivers one pending replication message: the {@code choice}-th of those that are first in their (source, target, item) queue. */
    void deliver(int choice) {
        List<Integer> heads = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pending.size(); i++) {
            Message m = pending.get(i);
            if (seen.add(m.from() + ">" + m.to() + ">" + m.key())) {
                heads.add(i);
            }
        }
        if (!heads.isEmpty()) {
            apply(pending.remove((int) heads.get(Math.floorMod(choice, heads.size()))));
        }
    }

    /** Delivers everything pending for the key (for all keys when null), in order. */
    void flush(String key) {
        for (int i = 0; i < pending.size(); ) {
            if (key == null || pending.get(i).key().equals(key)) {
                apply(pending.remove(i));
            } else {
                i++;
            }
        }
    }

    private interface ItemAt {
        Image at(long timestamp);
    }

    private void writeLocally(String region, String key, ItemAt next, String kind, String localRegion) {
        long ts = ++clock;
        Image item = next.at(ts);
        Image before = current(region, key);
        if (before == null && item == null) {
            return;
        }
        long change = newChange(kind, localRegion);
        emit(region, before, item, change, false);
        replicas.get(region).put(key, new Version(item, ts));
        appliedIn.computeIfAbsent(change, c -> new HashSet<>()).add(region);
        replicateFrom(region, key, item, ts, change);
    }

    private void replicateFrom(String region, String key, Image item, long ts, long change) {
        for (String other : regions) {
            if (!other.equals(region)) {
                pending.add(new Message(region, other, key, item, ts, change));
            }
        }
    }

    private void apply(Message message) {
        Version current = replicas.get(message.to()).getOrDefault(message.key(), new Version(null, 0));
        if (message.timestamp() <= current.timestamp()) {
            return; // an older write than the replica holds: last writer wins, nothing is recorded
        }
        replicas.get(message.to()).put(message.key(), new Version(message.item(), message.timestamp()));
        appliedIn.computeIfAbsent(message.change(), c -> new HashSet<>()).add(message.to());
        clock++;
        emit(message.to(), current.item(), message.item(), message.change(), false);
    }

    private void emit(String region, Image before, Image after, long change, boolean ttlService) {
        if (before == null && after == null) {
            return; // deleting what is not there records nothing
        }
        ChangeRecords stream = streams.get(region).at(Instant.ofEpochMilli(clock));
        Image keys = keys((before != null ? before : after).string("pk").orElseThrow());
        ChangeRecord record;
        if (before == null) {
            record = stream.insert(keys, after);
        } else if (after == null) {
            record = ttlService
                    ? stream.ttlExpiry(keys, before)
                    : stream.record("REMOVE", keys, Optional.of(before), Optional.empty(), Optional.empty());
        } else {
            record = stream.modify(keys, before, after);
        }
        emitted.add(new Emitted(region, record, change));
    }

    private long newChange(String kind, String localRegion) {
        long id = nextChange++;
        changes.put(id, new Change(id, kind, localRegion));
        return id;
    }

    private Image current(String region, String key) {
        Version version = replicas.get(region).get(key);
        return version == null ? null : version.item();
    }

    private static boolean isTombstone(Image item) {
        return item.bool(Items.DELETED).orElse(false);
    }
}
