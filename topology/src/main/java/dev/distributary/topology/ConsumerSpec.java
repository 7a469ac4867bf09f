package dev.distributary.topology;

import dev.distributary.change.Operation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A consumer: one SQS queue (with its DLQ) per region it lives in, subscribed to that region's topic.
 *
 * @param name                     the consumer's name; it names its queues
 * @param regions                  the regions it has a queue in
 * @param tables                   the tables whose changes it takes
 * @param eventNames               the kinds of change it takes, among {@link Operation#EVENT_NAMES} (a tombstone counts as REMOVE;
 *                                 a TTL expiry is EXPIRE)
 * @param origin                   {@code local}: once globally; {@code any}: every region's copy
 * @param filters                  item attribute name to the string values it accepts (exact match)
 * @param maxReceiveCount          deliveries before a message moves to the DLQ
 * @param visibilityTimeoutSeconds the queue's visibility timeout
 */
public record ConsumerSpec(
        String name,
        List<String> regions,
        List<String> tables,
        Set<Operation> eventNames,
        OriginScope origin,
        Map<String, List<String>> filters,
        int maxReceiveCount,
        int visibilityTimeoutSeconds) {

    public static final IntRange MAX_RECEIVE_COUNT = IntRange.of(1, 1_000);
    public static final IntRange VISIBILITY_TIMEOUT = IntRange.of(0, 43_200);
    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
    public static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    /** SNS allows 10 message attributes; Distributary uses 6, which leaves 4 for filters. */
    public static final int MAX_FILTER_ATTRIBUTES = 4;

    public ConsumerSpec {
        Names.CONSUMER.require(name, "consumer name");
        regions = List.copyOf(regions);
        tables = List.copyOf(tables);
        eventNames = eventNames.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(eventNames));
        Objects.requireNonNull(origin, "origin");
        filters = copySorted(filters);
        MAX_RECEIVE_COUNT.require("maxReceiveCount", maxReceiveCount);
        VISIBILITY_TIMEOUT.require("visibilityTimeoutSeconds", visibilityTimeoutSeconds);
        if (regions.isEmpty() || tables.isEmpty() || eventNames.isEmpty()) {
            throw new IllegalArgumentException("consumer " + name + " needs at least one region, table and event name");
        }
        if (!Operation.EVENT_NAMES.containsAll(eventNames)) {
            throw new IllegalArgumentException("consumer " + name + " subscribes to " + eventNames
                    + "; event names are " + Operation.EVENT_NAMES + " (a tombstone is a REMOVE)");
        }
        if (filters.size() > MAX_FILTER_ATTRIBUTES) {
            throw new IllegalArgumentException("consumer " + name + " filters on " + filters.size()
                    + " attributes; at most " + MAX_FILTER_ATTRIBUTES);
        }
        filters.keySet().forEach(a -> Names.FILTER_ATTRIBUTE.require(a, "filter attribute"));
    }

    /** The attributes in name order, so that generated policies and plans are stable. */
    private static Map<String, List<String>> copySorted(Map<String, List<String>> filters) {
        Map<String, List<String>> sorted = new TreeMap<>();
        filters.forEach((attribute, values) -> sorted.put(attribute, List.copyOf(values)));
        return Collections.unmodifiableMap(sorted);
    }
}
