package dev.distributary.local.chaos;

import dev.distributary.local.LocalPlatform;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.WorkloadOptions;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes across every region where a share of new items carry a random data class: another class
 * of the platform, or one it does not list. Items their table's zone forbids are written around
 * the origin-stamping writer (which would refuse them), so the processors' residency guard is
 * what must stop them. Zero deliveries outside the permitted regions; every blocked change
 * quarantined (reason {@code residency:}) by each processor that saw it, once, and counted in the
 * processors' ResidencyBlocked metric; every permitted delivery exactly once.
 */
public final class RandomResidency implements Scenario {
    static final double OTHER_CLASS_SHARE = 0.3;

    @Override
    public String name() {
        return "residency";
    }

    @Override
    public String summary() {
        return "random data classes written across every region; zero deliveries outside permitted regions, each blocked change quarantined and counted";
    }

    @Override
    public int defaultEvents() {
        return 5_000;
    }

    @Override
    public WorkloadOptions workload(int events, ChaosOptions chaos) {
        return WorkloadOptions.of(events, chaos.ratePerSecond(), chaos.seed()).withOtherClasses(OTHER_CLASS_SHARE);
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Topology topology = evidence.topology();
        Tally tally = Tally.exactlyOnce(topology, evidence.changes(), evidence.deliveries());
        Map<String, Long> blocked = blocked(topology, evidence.changes()).stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        Map<String, Long> quarantined = evidence.quarantine().stream().filter(q -> q.reason().startsWith("residency:"))
                .collect(Collectors.groupingBy(q -> q.region() + "|" + q.table() + "|" + q.subject() + "|" + (q.tombstone() ? "tombstone" : "live")
                        + "|" + q.version(), Collectors.counting()));
        long missing = blocked.keySet().stream().filter(key -> !quarantined.containsKey(key)).count();
        long twice = quarantined.values().stream().mapToLong(n -> n - 1).sum();
        long strays = quarantined.keySet().stream().filter(key -> !blocked.containsKey(key)).count();
        long others = evidence.quarantine().stream().filter(q -> !q.reason().startsWith("residency:")).count();
        long metric = evidence.metric("ResidencyBlocked");
        long otherClass = evidence.changes().stream().filter(c -> !c.dataClass().equals(topology.defaultClass(topology.requireTable(c.table()))))
                .count();
        List<Check> checks = List.of(
                Checks.leaks(tally),
                Checks.delivery(tally),
                Check.of("each blocked change quarantined for residency by each processor that saw it, once", missing == 0 && twice == 0 && strays == 0
                        && others == 0 && !blocked.isEmpty(), String.format("%,d blocked, %,d quarantined: %,d missing, %,d twice, %,d not expected, %,d for other reasons",
                        blocked.size(), quarantined.values().stream().mapToLong(Long::longValue).sum(), missing, twice, strays, others)),
                Check.of("each blocked change counted (ResidencyBlocked)", metric == blocked.size(),
                        "ResidencyBlocked " + metric + ", " + blocked.size() + " expected"),
                Checks.writes(evidence.workload()));
        return new Verdict(checks, tally.lost() + missing, tally.duplicated() + twice, tally.leaked(), String.format(
                "%,d changes, %,d of another class; %,d blocked where their class is forbidden, each quarantined and counted (ResidencyBlocked %,d); "
                        + "%d deliveries outside permitted regions; %,d permitted deliveries exactly once",
                evidence.changes().size(), otherClass, blocked.size(), metric, tally.leaked(), tally.expected() - tally.lost()));
    }

    /**
     * Where each change must be blocked: every processing region that sees its record (the region
     * that took it; another replica region of its table whose consumers take replicated changes,
     * since elsewhere the event source filter drops the replica first) and whose zone its class
     * does not include.
     */
    static List<String> blocked(Topology topology, List<Change> changes) {
        boolean primaryMode = topology.routing().mode() == RoutingMode.PRIMARY_REGION;
        Map<String, Boolean> sees = new HashMap<>();
        return changes.stream().flatMap(change -> topology.replicaRegions(topology.requireTable(change.table())).stream()
                .filter(topology.processingRegions()::contains)
                .filter(region -> primaryMode || region.equals(change.origin())
                        || sees.computeIfAbsent(region + "|" + change.table(), k -> topology.wantsReplicaEvents(region, change.table())))
                .filter(region -> !topology.residency().permits(change.dataClass(), region))
                .map(region -> region + "|" + change.table() + "|" + change.subject() + "|" + (change.op() == dev.distributary.fanout.Op.TOMBSTONE
                        ? "tombstone" : "live") + "|" + change.version()))
                .toList();
    }
}
