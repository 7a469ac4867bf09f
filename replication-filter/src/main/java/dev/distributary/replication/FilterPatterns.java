package dev.distributary.replication;

import static dev.distributary.replication.internal.JsonText.quote;

import dev.distributary.change.UserIdentity;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Objects;

/**
 * The FilterCriteria patterns (Lambda's JSON pattern syntax; infra puts each in a
 * {@code FilterCriteria.Filters[].Pattern}, the local runtime evaluates them with Event Ruler) for the
 * event source mapping of one table's stream in one region.
 *
 * <p>When a consumer in the region takes replica events for the table
 * ({@link Topology#wantsReplicaEvents}), every record must reach the processor: the list is empty,
 * meaning no filter. Otherwise five patterns (Lambda's maximum), ORed, let through only what this
 * region must process, so that replicated copies cost no invocation:
 * <ol>
 *   <li>INSERT and MODIFY whose NewImage origin is this region (local writes and tombstones);</li>
 *   <li>REMOVE whose OldImage origin is this region (a hard delete, attributed to the last writer);</li>
 *   <li>REMOVE by DynamoDB's TTL process here (the service {@code userIdentity});</li>
 *   <li>INSERT and MODIFY whose NewImage has no string origin (unstamped, legacy 2017.11.29 or a
 *       stamp of the wrong type), so the processor counts or quarantines them rather than the mapping
 *       dropping them silently;</li>
 *   <li>REMOVE whose OldImage has no string origin, likewise.</li>
 * </ol>
 * Replicated TTL removals of items last written here pass pattern 2; the classifier calls them
 * {@link TtlExpiry} (not local) and the processor skips them.
 */
public final class FilterPatterns {
    /** Lambda allows at most five filters per event source mapping. */
    public static final int MAX_PATTERNS = 5;

    private FilterPatterns() {
    }

    /**
     * The patterns for the mapping of {@code table}'s stream in {@code region}; empty means no filter.
     *
     * @throws IllegalArgumentException when the table is not the platform's or has no replica (so no stream) in the region
     */
    public static List<String> forRegion(Topology topology, TableSpec table, String region) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(region, "region");
        if (!topology.tables().contains(table)) {
            throw new IllegalArgumentException("table '" + table.name() + "' is not a table of platform '" + topology.name() + "'");
        }
        if (!topology.replicaRegions(table).contains(region)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no replica in " + region
                    + " (its replicas: " + topology.replicaRegions(table) + "), so there is no stream to filter there");
        }
        if (topology.wantsReplicaEvents(region, table.name())) {
            return List.of();
        }
        String origin = quote(table.stamp().originAttribute());
        String here = quote(region);
        String writes = "\"eventName\":[\"INSERT\",\"MODIFY\"]";
        String removes = "\"eventName\":[\"REMOVE\"]";
        String absent = "{\"S\":[{\"exists\":false}]}";
        return List.of(
                "{" + writes + ",\"dynamodb\":{\"NewImage\":{" + origin + ":{\"S\":[" + here + "]}}}}",
                "{" + removes + ",\"dynamodb\":{\"OldImage\":{" + origin + ":{\"S\":[" + here + "]}}}}",
                "{" + removes + ",\"userIdentity\":{\"type\":[" + quote(UserIdentity.TTL_SERVICE.type()) + "],\"principalId\":["
                        + quote(UserIdentity.TTL_SERVICE.principalId()) + "]}}",
                "{" + writes + ",\"dynamodb\":{\"NewImage\":{" + origin + ":" + absent + "}}}",
                "{" + removes + ",\"dynamodb\":{\"OldImage\":{" + origin + ":" + absent + "}}}");
    }

    /** The patterns for the table of that name. */
    public static List<String> forRegion(Topology topology, String table, String region) {
        return forRegion(topology, topology.requireTable(table), region);
    }
}
