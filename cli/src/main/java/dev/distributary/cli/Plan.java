package dev.distributary.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.topology.ProcessorSettings;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the platform deploys in each region, derived from the topology alone: the input of
 * {@code distributary plan} in text and JSON.
 */
record Plan(
        String platform,
        String routing,
        String primary,
        String fanout,
        Ledger ledger,
        List<RegionPlan> regions,
        List<ClassResidency> residency) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One region's share of the platform. */
    record RegionPlan(
            String region,
            boolean processesChanges,
            String processor,
            List<ReplicaPlan> replicas,
            String topic,
            List<QueuePlan> queues) {}

    /**
     * A table replica in the region.
     *
     * @param processesReplicaEvents whether this region's processor handles changes replicated in
     *                               from other regions (only when a consumer here asked for them)
     */
    record ReplicaPlan(String table, String zone, String dataClass, boolean processesReplicaEvents) {}

    /** A consumer's queue; {@code filterPolicy} is its subscription's SNS filter policy, exactly as deployed. */
    record QueuePlan(
            String consumer, String queue, String deadLetterQueue, int maxReceiveCount, JsonNode filterPolicy) {}

    /** The processor's publish ledger and why the platform gets it. */
    record Ledger(String idempotency, String reason) {
        static Ledger of(ProcessorSettings processor) {
            return new Ledger(processor.ledger().yamlName(), processor.ledgerReason());
        }
    }

    /** Which regions a data class may reach. */
    record ClassResidency(String dataClass, String zone, Map<String, Boolean> regions) {}

    static Plan of(Topology topology, ResourceNames names, List<String> regions) {
        FanoutLayout layout = FanoutLayout.of(topology, names);
        List<RegionPlan> regionPlans = regions.stream()
                .map(region -> regionPlan(topology, names, layout.region(region)))
                .toList();
        List<ClassResidency> residency = topology.residency().classes().entrySet().stream()
                .map(entry -> new ClassResidency(entry.getKey(), entry.getValue(), permitted(topology, entry.getKey())))
                .toList();
        return new Plan(
                topology.name(),
                topology.routing().mode().yamlName(),
                topology.routing().primary(),
                topology.fanout().type().yamlName(),
                Ledger.of(topology.processor()),
                regionPlans,
                residency);
    }

    private static RegionPlan regionPlan(Topology topology, ResourceNames names, RegionFanout fanout) {
        String region = fanout.region();
        boolean primaryMode = topology.routing().mode() == RoutingMode.PRIMARY_REGION;
        boolean processes = topology.processingRegions().contains(region);
        String processor = !processes
                ? "none: the primary " + topology.routing().primary()
                        + " processes every change and publishes to this region's topic"
                : primaryMode
                        ? names.processorFunction() + ": processes every change and publishes to the topics of "
                                + topology.regions()
                        : names.processorFunction() + ": processes changes written in " + region;
        List<ReplicaPlan> replicas = topology.tables().stream()
                .filter(table -> topology.replicaRegions(table).contains(region))
                .map(table -> new ReplicaPlan(
                        table.name(),
                        table.zone(),
                        topology.defaultClass(table),
                        !primaryMode && topology.wantsReplicaEvents(region, table.name())))
                .toList();
        List<QueuePlan> queues = fanout.subscriptions().stream()
                .map(s -> new QueuePlan(
                        s.consumer(),
                        s.queueName(),
                        s.deadLetterQueueName(),
                        s.maxReceiveCount(),
                        json(s.filterPolicy().json())))
                .toList();
        return new RegionPlan(region, processes, processor, replicas, fanout.topicName(), queues);
    }

    private static Map<String, Boolean> permitted(Topology topology, String dataClass) {
        Map<String, Boolean> regions = new LinkedHashMap<>();
        topology.regions()
                .forEach(region -> regions.put(region, topology.residency().permits(dataClass, region)));
        return regions;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter policy is always JSON: " + text, e);
        }
    }
}
