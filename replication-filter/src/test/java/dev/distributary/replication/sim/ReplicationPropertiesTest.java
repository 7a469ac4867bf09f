package dev.distributary.replication.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import dev.distributary.replication.Classification;
import dev.distributary.replication.FilterPatterns;
import dev.distributary.replication.LocalWrite;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.replication.ReplicaWrite;
import dev.distributary.replication.Tombstone;
import dev.distributary.replication.TtlExpiry;
import dev.distributary.replication.esm.RulerFilter;
import dev.distributary.replication.sim.GlobalTableSimulation.Change;
import dev.distributary.replication.sim.GlobalTableSimulation.Emitted;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Several regions, random interleavings of puts, updates, tombstones, hard deletes and TTL expiries
 * with replication (last writer wins) in between: every logical change is local in exactly one
 * region's stream and a replica everywhere else it was applied, and each region's filter patterns let
 * through what that region must process and drop plain replicas.
 */
class ReplicationPropertiesTest {
    static final Topology SHOP = Platforms.ownStamps();
    static final List<String> REGIONS = SHOP.regions();
    static final List<String> KEYS = List.of("order#1", "order#2", "order#3");
    static Map<String, OriginClassifier> classifiers;
    static Map<String, RulerFilter> filters;

    enum Kind {
        PUT,
        UPDATE,
        TOMBSTONE,
        HARD_DELETE,
        EXPIRE,
        DELIVER
    }

    record Step(Kind kind, int region, int key, int value) {
        void applyTo(GlobalTableSimulation sim, boolean replicateBetweenWrites) {
            String r = REGIONS.get(region);
            String k = KEYS.get(key);
            switch (kind) {
                case PUT -> sim.put(r, k, value);
                case UPDATE -> sim.update(r, k, value);
                case TOMBSTONE -> sim.tombstone(r, k);
                case HARD_DELETE -> sim.hardDelete(r, k);
                case EXPIRE -> sim.expire(r, k);
                case DELIVER -> sim.deliver(value);
            }
            if (replicateBetweenWrites) {
                sim.flush(null);
            }
        }
    }

    @BeforeContainer
    static void classifiersAndFilters() {
        classifiers = new HashMap<>();
        filters = new HashMap<>();
        for (String region : REGIONS) {
            classifiers.put(region, OriginClassifier.of(SHOP, region));
            filters.put(region, new RulerFilter(FilterPatterns.forRegion(SHOP, GlobalTableSimulation.TABLE, region)));
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(8, Kind.DELIVER),
                Tuple.of(4, Kind.PUT),
                Tuple.of(4, Kind.UPDATE),
                Tuple.of(3, Kind.TOMBSTONE),
                Tuple.of(2, Kind.HARD_DELETE),
                Tuple.of(3, Kind.EXPIRE));
        return Combinators.combine(
                        kinds,
                        Arbitraries.integers().between(0, REGIONS.size() - 1),
                        Arbitraries.integers().between(0, KEYS.size() - 1),
                        Arbitraries.integers().between(0, 1_000))
                .as(Step::new)
                .list()
                .ofMinSize(10)
                .ofMaxSize(60);
    }

    @Property(tries = 300)
    void anyInterleaving_everyChange_localInExactlyOneRegionAndReplicaWhereverApplied(
            @ForAll("steps") List<Step> steps) {
        GlobalTableSimulation sim = run(steps, false);

        checkClassifications(sim, false);
        for (String kind : List.of("put", "update", "tombstone", "hard delete", "ttl expiry")) {
            Statistics.label(kind)
                    .collect(sim.changes().values().stream()
                            .anyMatch(c -> c.kind().equals(kind)));
        }
        Statistics.label("a change lost to a concurrent write somewhere")
                .collect(sim.changes().values().stream()
                        .anyMatch(c -> sim.appliedIn(c.id()).size() < REGIONS.size()));
        // checked once all tries ran: the interleavings really exercise every kind of change, and conflicts
        for (String label : List.of(
                "put",
                "update",
                "tombstone",
                "hard delete",
                "ttl expiry",
                "a change lost to a concurrent write somewhere")) {
            Statistics.label(label).coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
        }
    }

    @Property(tries = 150)
    void replicationBetweenWrites_everyChange_localInOneRegionAndReplicaInAllOthers(@ForAll("steps") List<Step> steps) {
        GlobalTableSimulation sim = run(steps, true);

        checkClassifications(sim, true);
    }

    private static GlobalTableSimulation run(List<Step> steps, boolean replicateBetweenWrites) {
        GlobalTableSimulation sim = new GlobalTableSimulation(REGIONS);
        steps.forEach(step -> step.applyTo(sim, replicateBetweenWrites));
        sim.flush(null);
        return sim;
    }

    private static void checkClassifications(GlobalTableSimulation sim, boolean everywhere) {
        Map<Long, Integer> local = new HashMap<>();
        Map<Long, Integer> replica = new HashMap<>();
        for (Emitted e : sim.emitted()) {
            Change change = sim.changes().get(e.change());
            Classification c = classifiers.get(e.region()).classify(e.record());
            String context = change + " read in " + e.region() + " as " + c + ": " + c.reason();
            assertThat(c.isLocal()).as(context).isEqualTo(e.region().equals(change.localRegion()));
            switch (change.kind()) {
                case "put", "update" -> assertThat(c).as(context).isInstanceOfAny(LocalWrite.class, ReplicaWrite.class);
                case "tombstone" -> assertThat(c).as(context).isInstanceOf(Tombstone.class);
                case "hard delete" -> assertThat(c.op()).as(context).contains(Operation.REMOVE);
                case "ttl expiry" -> assertThat(c).as(context).isInstanceOf(TtlExpiry.class);
                default -> throw new AssertionError(change.kind());
            }
            if (c instanceof TtlExpiry ttl) {
                assertThat(ttl.wasTombstone()).as(context).isTrue();
            } else {
                assertThat(c.originRegion()).as(context).isPresent();
            }
            boolean passes = filters.get(e.region()).passes(e.record());
            if (c.isLocal()) {
                assertThat(passes).as("the filter must pass " + context).isTrue();
            } else if (!(c instanceof TtlExpiry) && !SHOP.wantsReplicaEvents(e.region(), GlobalTableSimulation.TABLE)) {
                assertThat(passes).as("the filter should drop " + context).isFalse();
            }
            (c.isLocal() ? local : replica).merge(e.change(), 1, Integer::sum);
        }
        for (Change change : sim.changes().values()) {
            assertThat(local.getOrDefault(change.id(), 0))
                    .as("local records of " + change)
                    .isEqualTo(1);
            int appliedElsewhere = sim.appliedIn(change.id()).size() - 1;
            assertThat(replica.getOrDefault(change.id(), 0))
                    .as("replica records of " + change)
                    .isEqualTo(appliedElsewhere);
            if (everywhere) {
                assertThat(appliedElsewhere)
                        .as("regions " + change + " reached besides its own")
                        .isEqualTo(REGIONS.size() - 1);
            }
        }
    }
}
