package dev.distributary.local.workload;

import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Every choice of a workload, drawn from its seed on one thread before any write is made: which
 * operation comes at each position, in which region and table, on which item, with which data
 * class and status, and where the poison records and the refused write go. The same topology,
 * options and seed give the same plan, however the writes' threads are then scheduled; running it
 * only adds what the platform answers (and when).
 *
 * @param writes the writes, in the order they are sent
 */
record WorkloadPlan(List<Write> writes) {
    private static final String[] STATUSES = {"PLACED", "PAID", "SHIPPED"};

    public WorkloadPlan {
        writes = List.copyOf(writes);
    }

    /** One planned write. */
    public sealed interface Write permits ItemWrite, Poison, RefusedWrite {}

    /** A write of one of the workload's items; the writes of an item are made one after the other, in plan order. */
    public sealed interface ItemWrite extends Write permits Insert, Modify, Tombstone {
        /** The item's number (its key is derived from it and its region). */
        int item();
    }

    /** A new item, at version 1. */
    public record Insert(int item, String region, String table, String dataClass, String status) implements ItemWrite {}

    /** A new version of the item with another status. */
    public record Modify(int item, long version, String status) implements ItemWrite {}

    /** The item's tombstone delete; it keeps the version and status it deleted. */
    public record Tombstone(int item, long version, String status) implements ItemWrite {}

    /** A record no processor can classify, at that position of the run. */
    public record Poison(int position, String region, String table) implements Write {}

    /** The write the origin-stamping writer must refuse. */
    public record RefusedWrite() implements Write {}

    /** Draws every choice from {@code options.seed()}. */
    public static WorkloadPlan of(Topology topology, WorkloadOptions options) {
        return new Planner(topology, options).plan();
    }

    /** How many processors see the table's changes: each processing region it replicates to. */
    static int processingReplicas(Topology topology, TableSpec table) {
        return (int) topology.replicaRegions(table).stream()
                .filter(topology.processingRegions()::contains)
                .count();
    }

    private static final class Planner {
        private final Topology topology;
        private final WorkloadOptions options;
        private final Random random;
        private final List<Integer> live = new ArrayList<>();
        private final Map<Integer, Long> versions = new HashMap<>();
        private final Map<Integer, String> statuses = new HashMap<>();
        private int sequence;

        Planner(Topology topology, WorkloadOptions options) {
            this.topology = topology;
            this.options = options;
            this.random = new Random(options.seed());
        }

        WorkloadPlan plan() {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < options.events(); i++) {
                positions.add(i);
            }
            Collections.shuffle(positions, random);
            Set<Integer> poisonAt = new HashSet<>(positions.subList(0, options.poisonRecords()));
            int refusedAt = options.refusedWrite() ? positions.get(options.poisonRecords()) : -1;
            List<Write> writes = new ArrayList<>();
            for (int i = 0; i < options.events(); i++) {
                writes.add(i == refusedAt ? new RefusedWrite() : poisonAt.contains(i) ? poison(i) : ordinary());
            }
            return new WorkloadPlan(writes);
        }

        /** Inserts a little over half the time (always while no item is live), else a modify or, less often, a tombstone of a live item. */
        private Write ordinary() {
            double roll = random.nextDouble();
            if (live.isEmpty() || roll < 0.55) {
                return insert();
            }
            int index = random.nextInt(live.size());
            int item = live.get(index);
            long version = versions.get(item);
            if (roll < 0.85) {
                versions.put(item, version + 1);
                statuses.put(item, status());
                return new Modify(item, version + 1, statuses.get(item));
            }
            live.remove(index);
            return new Tombstone(item, version, statuses.get(item));
        }

        /** A new item: a writing region first (so regions share the load), then one of the tables it can write. */
        private Insert insert() {
            List<String> regions = topology.writingRegions();
            String region = regions.get(random.nextInt(regions.size()));
            List<TableSpec> tables = topology.tables().stream()
                    .filter(t -> topology.writingRegions(t).contains(region))
                    .toList();
            TableSpec table = tables.get(random.nextInt(tables.size()));
            String dataClass = topology.defaultClass(table);
            if (options.otherClassShare() > 0 && random.nextDouble() < options.otherClassShare()) {
                List<String> others =
                        new ArrayList<>(topology.residency().classes().keySet());
                others.remove(dataClass);
                others.add(Workload.UNLISTED_CLASS);
                dataClass = others.get(random.nextInt(others.size()));
            }
            int item = ++sequence;
            live.add(item);
            versions.put(item, 1L);
            statuses.put(item, status());
            return new Insert(item, region, table.name(), dataClass, statuses.get(item));
        }

        /** Anywhere: a random table and writing region; else the table with the fewest processing replicas, so it is quarantined once. */
        private Poison poison(int position) {
            if (options.poisonAnywhere()) {
                List<String> regions = topology.writingRegions();
                String region = regions.get(random.nextInt(regions.size()));
                List<TableSpec> tables = topology.tables().stream()
                        .filter(t -> topology.writingRegions(t).contains(region) && processingReplicas(topology, t) > 0)
                        .toList();
                return new Poison(
                        position,
                        region,
                        tables.get(random.nextInt(tables.size())).name());
            }
            TableSpec table = topology.tables().stream()
                    .min((a, b) -> Integer.compare(processingReplicas(topology, a), processingReplicas(topology, b)))
                    .filter(t -> processingReplicas(topology, t) > 0)
                    .orElseThrow();
            return new Poison(position, topology.writingRegions(table).get(0), table.name());
        }

        private String status() {
            return STATUSES[random.nextInt(STATUSES.length)];
        }
    }
}
