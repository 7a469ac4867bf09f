package dev.distributary.cost.internal;

import dev.distributary.change.Operation;
import dev.distributary.cost.Design;
import dev.distributary.cost.Flows;
import dev.distributary.cost.StreamFlow;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows each write through the platform, per design: which regions' functions (or pipes) see it,
 * which publish it and to which topics, and how many queues receive it.
 *
 * <p>Assumptions: the writes are spread evenly over the tables and, within a table, over its writing
 * regions (every replica region in multi-writer mode, the primary in primary-region mode); event
 * names are a third each INSERT, MODIFY and REMOVE; consumers' item-attribute filters match every
 * item, and every item carries its table's default data class.
 *
 * <p>Distributary, multi-writer: a region's mapping lets through its own writes, and every replicated
 * record only where a consumer there takes the table with origin {@code any}
 * ({@link Topology#wantsReplicaEvents}, as replication-filter's FilterPatterns do); the function
 * publishes (and claims) a record only when a consumer in the region matches it (table, event name,
 * and origin {@code local} only for its own writes). Primary-region: only the primary's function runs
 * and publishes each change to every region whose consumers match and whose residency allows the
 * table's class. Naive: every replica region's function sees and publishes every record; every
 * consumer there whose tables and event names match receives it, local or not.
 *
 * <p>EventBridge Pipes: one pipe per table and region whose topic takes the table's changes. Its
 * filter can only read the record (the origin stamp, the class attribute, the event name or which
 * images it has), and it is one filter for every consumer of the region, so it passes the union of
 * what they take — replicated records too where any of them takes origin {@code any} — and each
 * subscription's filter policy picks its own share. That union is exactly what Distributary's
 * function publishes to that topic, so the pipe passes (and is billed for) those records and the
 * topic delivers the same messages. The pipe reads its region's own replica of the table, or, where
 * the table has none there (primary-region mode), the primary's stream. A pipe cannot set message
 * attributes, so every subscription that does not take everything its topic carries filters on the
 * message body, which SNS bills per GB scanned.
 */
public final class FlowModel {
    /** The writes an application makes, in equal shares; TTL expiries are not writes, so they are not in the mix. */
    private static final List<Operation> EVENT_MIX = List.of(Operation.INSERT, Operation.MODIFY, Operation.REMOVE);

    private FlowModel() {}

    /** One kind of record published to a region's topic, at a rate. */
    private record Publication(String target, String table, Operation event, boolean local, double rate) {}

    public static Flows of(Topology topology, Design design, double writesPerSecond) {
        Map<String, Builder> streams = new LinkedHashMap<>();
        List<Publication> publications = new ArrayList<>();
        double deliveries = 0;
        double perTable = writesPerSecond / topology.tables().size();
        for (TableSpec table : topology.tables()) {
            List<String> replicas = topology.replicaRegions(table);
            List<String> writers = topology.writingRegions(table);
            for (String origin : writers) {
                for (Operation event : EVENT_MIX) {
                    double rate = perTable / writers.size() / EVENT_MIX.size();
                    deliveries += design == Design.NAIVE
                            ? naive(topology, table, event, rate, replicas, streams)
                            : published(topology, design, table, event, origin, rate, replicas, streams, publications);
                }
            }
        }
        List<StreamFlow> flows = new ArrayList<>();
        streams.values().stream().filter(b -> b.invoked > 0).forEach(b -> flows.add(b.build()));
        return new Flows(design, flows, deliveries, design == Design.PIPES ? bodyScans(topology, publications) : 0);
    }

    /** Distributary's function, or the pipe per target topic that passes what that function would publish there. */
    private static double published(
            Topology topology,
            Design design,
            TableSpec table,
            Operation event,
            String origin,
            double rate,
            List<String> replicas,
            Map<String, Builder> streams,
            List<Publication> publications) {
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
            Builder function = design == Design.DISTRIBUTARY ? stream(streams, table, region) : null;
            if (function != null) {
                function.invoked += rate;
            }
            boolean published = false;
            for (String target : primaryMode ? topology.regions() : List.of(region)) {
                if (!topology.residency().permits(topology.defaultClass(table), target)) {
                    continue;
                }
                long matching = matching(topology, target, table, event, local);
                if (matching == 0) {
                    continue;
                }
                Builder publisher = function != null ? function : stream(streams, table, target);
                if (function == null) {
                    publisher.invoked += rate;
                    publisher.published += rate;
                }
                publisher.publishedTo.merge(target, rate, Double::sum);
                publications.add(new Publication(target, table.name(), event, local, rate));
                deliveries += rate * matching;
                published = true;
            }
            if (published && function != null) {
                function.published += rate;
            }
        }
        return deliveries;
    }

    private static double naive(
            Topology topology,
            TableSpec table,
            Operation event,
            double rate,
            List<String> replicas,
            Map<String, Builder> streams) {
        double deliveries = 0;
        for (String region : replicas) {
            Builder stream = stream(streams, table, region);
            stream.invoked += rate;
            stream.published += rate;
            stream.publishedTo.merge(region, rate, Double::sum);
            deliveries += rate * matching(topology, region, table, event, true);
        }
        return deliveries;
    }

    /**
     * Messages per second times the subscriptions that filter them on the body: in each region, every
     * subscription that does not take every kind of record its topic carries needs a filter policy.
     */
    private static double bodyScans(Topology topology, List<Publication> publications) {
        Map<String, List<Publication>> byTarget = new LinkedHashMap<>();
        publications.forEach(p ->
                byTarget.computeIfAbsent(p.target(), k -> new ArrayList<>()).add(p));
        double scans = 0;
        for (Map.Entry<String, List<Publication>> topic : byTarget.entrySet()) {
            List<Publication> carried = topic.getValue();
            long filtering = topology.consumersIn(topic.getKey()).stream()
                    .filter(c -> carried.stream().anyMatch(p -> !takes(c, p.table(), p.event(), p.local())))
                    .count();
            scans += filtering * carried.stream().mapToDouble(Publication::rate).sum();
        }
        return scans;
    }

    /** Consumers in the region that take the table's record of this event name; a replicated record only those with origin {@code any}. */
    private static long matching(Topology topology, String region, TableSpec table, Operation event, boolean local) {
        return topology.consumersIn(region).stream()
                .filter(c -> takes(c, table.name(), event, local))
                .count();
    }

    private static boolean takes(ConsumerSpec consumer, String table, Operation event, boolean local) {
        return consumer.tables().contains(table)
                && consumer.eventNames().contains(event)
                && (local || consumer.origin() == OriginScope.ANY);
    }

    private static Builder stream(Map<String, Builder> streams, TableSpec table, String region) {
        return streams.computeIfAbsent(table.name() + "/" + region, k -> new Builder(table.name(), region));
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
