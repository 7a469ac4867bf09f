package dev.distributary.replication;

import static dev.distributary.replication.internal.JsonText.quote;

import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Objects;

/**
 * The FilterCriteria patterns (Lambda's JSON pattern syntax; infra puts each in a
 * {@code FilterCriteria.Filters[].Pattern}, the local runtime evaluates them with Event Ruler) for the
 * event source mapping of one table's stream in one region.
 *
 * <p>DynamoDB event source mappings only support filtering on the {@code dynamodb} key (Lambda
 * developer guide), so every pattern constrains {@code dynamodb.Keys}, {@code NewImage} or
 * {@code OldImage} only: the event name and the TTL service's {@code userIdentity} are decided in the
 * processor's code ({@link OriginClassifier}). A record without a NewImage partition key is a REMOVE
 * (INSERT and MODIFY carry the whole new item, keys included).
 *
 * <p>When a consumer in the region takes replica events for the table
 * ({@link Topology#wantsReplicaEvents}), every record must reach the processor: the list is empty,
 * meaning no filter. Otherwise five patterns (Lambda's maximum), ORed, let through only what this
 * region may have to process, so that replicated writes cost no invocation:
 * <ol>
 *   <li>writes (INSERT, MODIFY) whose NewImage origin is this region (local writes and tombstones);</li>
 *   <li>removals whose OldImage origin is this region (a hard delete, attributed to the last writer);</li>
 *   <li>removals of an item with a numeric TTL attribute: DynamoDB's TTL process may have removed it, here
 *       or (a replicated removal) elsewhere; the processor tells which from the record's {@code userIdentity};</li>
 *   <li>writes whose NewImage has no string origin (unstamped, legacy 2017.11.29 or a stamp of the wrong
 *       type), so the processor counts or quarantines them rather than the mapping dropping them silently;</li>
 *   <li>removals whose OldImage has no string origin (or no OldImage), likewise.</li>
 * </ol>
 * A record of an unknown event name with a local origin passes pattern 1 and is quarantined by the processor.
 */
public final class FilterPatterns {
    /** Lambda allows at most five filters per event source mapping. */
    public static final int MAX_PATTERNS = LambdaRules.MAX_FILTERS;

    private FilterPatterns() {}

    /**
     * The patterns for the mapping of {@code table}'s stream in {@code region}; empty means no filter.
     *
     * @throws IllegalArgumentException when the table is not the platform's or has no replica (so no stream) in the region, or
     *                                  when the patterns break Lambda's rules ({@link LambdaRules#requireFilters})
     */
    public static List<String> forRegion(Topology topology, TableSpec table, String region) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(region, "region");
        if (!topology.tables().contains(table)) {
            throw new IllegalArgumentException(
                    "table '" + table.name() + "' is not a table of platform '" + topology.name() + "'");
        }
        if (!topology.replicaRegions(table).contains(region)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no replica in " + region
                    + " (its replicas: " + topology.replicaRegions(table) + "), so there is no stream to filter there");
        }
        if (topology.wantsReplicaEvents(region, table.name())) {
            return List.of();
        }
        String origin = quote(table.stamp().originAttribute());
        String ttl = quote(table.stamp().ttlAttribute());
        String key = quote(table.partitionKey().name()) + ":{"
                + quote(table.partitionKey().type().name()) + ":";
        String exists = "[{\"exists\":true}]}";
        String absent = "[{\"exists\":false}]}";
        String here = "{\"S\":[" + quote(region) + "]}";
        String noOrigin = "{\"S\":" + absent;
        String removal = "\"NewImage\":{" + key + absent + "}";
        List<String> patterns = List.of(
                dynamodb("\"NewImage\":{" + origin + ":" + here + "}"),
                dynamodb(removal + ",\"OldImage\":{" + origin + ":" + here + "}"),
                dynamodb(removal + ",\"OldImage\":{" + ttl + ":{\"N\":" + exists + "}"),
                dynamodb("\"NewImage\":{" + key + exists + "," + origin + ":" + noOrigin + "}"),
                dynamodb("\"Keys\":{" + key + exists + "}," + removal + ",\"OldImage\":{" + origin + ":" + noOrigin
                        + "}"));
        LambdaRules.requireFilters(table.name() + " in " + region, patterns);
        return patterns;
    }

    private static String dynamodb(String body) {
        return "{\"" + LambdaRules.DYNAMODB_FILTER_KEY + "\":{" + body + "}}";
    }

    /** The patterns for the table of that name. */
    public static List<String> forRegion(Topology topology, String table, String region) {
        return forRegion(topology, topology.requireTable(table), region);
    }
}
