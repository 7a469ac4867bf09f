package dev.distributary.local.chaos;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.workload.Expectations;
import dev.distributary.local.workload.Workload;
import dev.distributary.local.workload.WorkloadOptions;
import dev.distributary.topology.Topology;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fault the platform must survive, and the hard assertions that prove it did. The runner
 * gives each scenario a fresh platform (a variant of the given one, when the scenario needs other
 * processor settings), lets it instrument and arm that platform, runs its workload, drains, and
 * hands it the evidence.
 */
public sealed interface Scenario
        permits SnsThrottling,
                StoreFaults,
                DuplicateBatches,
                DeathMidBatch,
                TimeoutMidBatch,
                ReplicationDisorder,
                PoisonRecords,
                RandomResidency,
                MalformedRecords {

    /** The AWS SDK's setting for attempts per call (the first included), read from the environment. */
    String SDK_ATTEMPTS = "AWS_MAX_ATTEMPTS";

    /** The name {@code distributary chaos --scenario} takes. */
    String name();

    /** What it does and what it asserts, in a line. */
    String summary();

    /** Writes at the command's default size. */
    int defaultEvents();

    /** Whether the scenario puts the chaos agent on the functions' class path (its jar must have been built). */
    default boolean usesAgent() {
        return false;
    }

    /** Processor settings this scenario changes in the platform file (a short timeout, say). */
    default Map<String, Object> processorSettings() {
        return Map.of();
    }

    /** Adds instrumentation or replication settings to the run's options. */
    default LocalOptions configure(LocalOptions options, ChaosOptions chaos, AtomicLong repeatedInvocations) {
        return options;
    }

    /** Arms the running platform (faults in the emulator proxy, say) before the workload starts. */
    default void arm(LocalPlatform platform, ChaosOptions chaos) {}

    default WorkloadOptions workload(int events, ChaosOptions chaos) {
        return WorkloadOptions.of(events, chaos.ratePerSecond(), chaos.seed());
    }

    /** Writes records outside the workload, after it. */
    default List<Planted> plant(LocalPlatform platform, ChaosOptions chaos) {
        return List.of();
    }

    /** The deliveries the drain waits for. */
    default Collection<String> awaited(Topology topology, Workload workload) {
        return Expectations.of(topology, workload.changes()).stream()
                .map(Expectations.Expected::key)
                .toList();
    }

    /** How long nothing may arrive, with work left, before the drain gives up on it. */
    default Duration quiet() {
        return Duration.ofSeconds(15);
    }

    /** The checks, held against what the run left behind (the platform is still up, for checks that read it). */
    Verdict evaluate(Evidence evidence, LocalPlatform platform);

    /**
     * A scenario's verdict: its checks (it passed when all held), the counts for the report's
     * columns, and a sentence of what it saw.
     */
    record Verdict(List<Check> checks, long lost, long duplicated, long leaked, String summary) {
        public Verdict {
            checks = List.copyOf(checks);
        }

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }
}
