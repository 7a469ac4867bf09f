package dev.distributary.local.chaos;

import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Written;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a scenario's run left behind, gathered after the platform drained: the ground truth,
 * what the consumers' queues delivered, what the quarantine queues hold, the processors' metrics
 * (from their logs), the faults injected, the mappings' metrics and where each shard stands.
 *
 * @param topology            the platform the scenario ran on (its variant)
 * @param written             what the workload wrote: the ground truth, poison records and failed writes
 * @param planted             records the scenario wrote outside the workload
 * @param deliveries          what every consumer's queue delivered
 * @param quarantine          every quarantine message, read
 * @param functionMetrics     the processors' embedded metrics, summed (Published, Quarantined, ResidencyBlocked, ...)
 * @param agentFaults         faults the chaos agent announced, per action (halt, sleep)
 * @param injectedFaults      calls the emulator proxy failed, per service and operation
 * @param apiCalls            calls that reached the proxy, per service and operation
 * @param mappings            the event source mappings' metrics, summed
 * @param shards              where each mapping stands on each shard
 * @param repeatedInvocations batches the mappings delivered a second time
 * @param replicaSuperseded   replicated copies refused by last-writer-wins
 */
record Evidence(
        Topology topology,
        Written written,
        List<Planted> planted,
        List<Delivery> deliveries,
        List<QuarantinedRecord> quarantine,
        Map<String, Double> functionMetrics,
        Map<String, Long> agentFaults,
        Map<String, Map<String, Long>> injectedFaults,
        Map<String, Map<String, Long>> apiCalls,
        MappingMetrics.Snapshot mappings,
        List<ShardPosition> shards,
        long repeatedInvocations,
        long replicaSuperseded) {

    public List<Change> changes() {
        return written.changes();
    }

    /** Deliveries of the workload's items (not of planted records). */
    public List<Delivery> workloadDeliveries() {
        Set<String> plantedItems =
                planted.stream().map(p -> p.table() + "|" + p.subject()).collect(Collectors.toSet());
        return deliveries.stream()
                .filter(d -> !plantedItems.contains(
                        d.event().table() + "|" + d.event().subject()))
                .toList();
    }

    public long injected(String service, String operation) {
        return injectedFaults.getOrDefault(service, Map.of()).entrySet().stream()
                .filter(e -> operation.equals("*") || e.getKey().equals(operation))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long calls(String service, String operation) {
        return apiCalls.getOrDefault(service, Map.of()).getOrDefault(operation, 0L);
    }

    public long metric(String name) {
        return Math.round(functionMetrics.getOrDefault(name, 0.0));
    }

    public long agentFaults(String action) {
        return agentFaults.getOrDefault(action, 0L);
    }

    /** Records written: workload changes, poison records and planted records. */
    public long events() {
        return (long) written.changes().size() + written.poisons().size() + planted.size();
    }
}
