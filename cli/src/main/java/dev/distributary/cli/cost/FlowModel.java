package dev.distributary.cli.cost;

import dev.distributary.topology.EventName;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows each write through the platform, per design: which regions' functions see it, which
 * publish it and to which topics, and how many queues receive it.
 *
 * <p>Assumptions: the writes are spread evenly over the tables and, within a table, over its writing
 * regions (every replica region in multi-writer mode, the primary in primary-region mode); event
 * names are a third each INSERT, MODIFY and REMOVE; consumers' item-attribute filters match every item.
 *
 * <p>Distributary, multi-writer: a region's mapping lets through its own writes, and every replicated
 * record only where a consumer there takes the table with origin {@code any}
 * ({@link Topology#wantsReplicaEvents}, as replication-filter's FilterPatterns do); the function
 * publishes (and claims) a record only when a consumer in the region matches it (table, event name,
 * and origin {@code local} only for its own writes). Primary-region: only the primary's function runs
 * and publishes each change to every region whose consumers match and whose residency allows the
 * table's class. Naive: every replica region's function sees and publishes every record; every
 * consumer there whose tables and event names match receives it, local or not.
 */
public final class FlowModel {
    /** The writes an application makes, in equal shares; TTL expiries are not writes, so they are not in the mix. */
    private static final List<EventName> EVENT_MIX = List.of(EventName.INSERT, EventName.MODIFY, EventName.REMOVE);

    private FlowModel() {
    }

    public static Flows of(Topology topology, Design design, double writesPerSecond) {
        Map<String, Builder> streams = new LinkedHashMap<>();
        double deliveries = 0;
        double perTable = writesPerSecond / topology.tables().size();
        for (TableSpec table : topology.tables()) {
            List<String> replicas = topology.replicaRegions(table);
            List<String> writers = writingRegions(topology, table);
            for (String origin : writers) {
                for (EventName event : EVENT_MIX) {
                    double rate = perTable / writers.size() / EVENT_MIX.size();
                    deliveries += design == Design.NAIVE
                            ? naive(topology, table, event, rate, replicas, streams)
                            : distributary(topology, table, event, origin, rate, replicas, streams);
                }
            }
        }
        List<StreamFlow> flows = new ArrayList<>();
        streams.values().stream().filter(b -> b.invoked > 0).forEach(b -> flows.add(b.build()));
        return new Flows(design, flows, deliveries);
    }

    /** The regions that take the table's writes. */
    public static List<String> writingRegions(Topology topology, TableSpec table) {
        List<String> replicas = topology.replicaRegions(table);
        if (topology.routing().mode() == RoutingMode.PRIMARY_REGION) {
            String primary = topology.routing().primary();
            return replicas.contains(primary) ? List.of(primary) : replicas.isEmpty() ? List.of() : List.of(replicas.get(0));
        }
        return replicas;
    }

    private static double distributary(Topology topology, TableSpec table, EventName event, String origin, double rate,
                                       List<String> replicas, Map<String, Builder> streams) {
        double deliveries = 0;
        boolean primaryMode = topology.routing().mode() == RoutingMode.PRIMARY_REGION;
        for (String region : replicas) {
            if (!topology.processingRegions().contains(region)) {
                continue;
            }
            boolean local = region.equals(origin);
            if (!local && !topology.wantsReplicaEvents(region, table.name())) {
                continue; // FilterCriteria drop it before any invocation
            }
            Builder stream = streams.computeIfAbsent(table.name() + "/" + region, k -> new Builder(table.name(), region));
            stream.invoked += rate;
            List<String> targets = primaryMode ? topology.regions() : List.of(region);
            boolean published = false;
            for (String target : targets) {
                if (!topology.residency().permits(topology.defaultClass(table), target)) {
                    continue;
                }
                long matching = matching(topology, target, table, event, local ? null : OriginScope.ANY);
                if (matching > 0) {
                    stream.publishedTo.merge(target, rate, Double::sum);
                    deliveries += rate * matching;
                    published = true;
                }
            }
            if (published) {
                stream.published += rate;
            }
        }
        return deliveries;
    }

    private static double naive(Topology topology, TableSpec table, EventName event, double rate,
                                List<String> replicas, Map<String, Builder> streams) {
        double deliveries = 0;
        for (String region : replicas) {
            Builder stream = streams.computeIfAbsent(table.name() + "/" + region, k -> new Builder(table.name(), region));
            stream.invoked += rate;
            stream.published += rate;
            stream.publishedTo.merge(region, rate, Double::sum);
            deliveries += rate * matching(topology, region, table, event, null);
        }
        return deliveries;
    }

    /** Consumers in the region that take the table and event; {@code requiredOrigin} null means any origin scope. */
    private static long matching(Topology topology, String region, TableSpec table, EventName event, OriginScope requiredOrigin) {
        return topology.consumersIn(region).stream()
                .filter(c -> c.tables().contains(table.name()))
                .filter(c -> c.eventNames().contains(event))
                .filter(c -> requiredOrigin == null || c.origin() == requiredOrigin)
                .count();
    }

    private static final class Builder {
        final String table;
        final String region;
        double invoked;
        double published;
        final Map<String, Double> publishedTo = new LinkedHashMap<>();

        Builder(String table, String region) {
            this.table = table;
            this.region = region;
        }

        StreamFlow build() {
            return new StreamFlow(table, region, invoked, published, publishedTo);
        }
    }
}
