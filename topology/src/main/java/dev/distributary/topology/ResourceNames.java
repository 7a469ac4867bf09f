package dev.distributary.topology;

import java.util.List;

/**
 * The names of the resources Distributary creates in each region, shared by the infrastructure
 * program, the processor's configuration, the local run and the CLI so that they always agree.
 * Names are regional: the same name in two regions is two resources. The naming rules keep the
 * longest one, a FIFO dead-letter queue, within SQS's 80 characters.
 *
 * @param prefix the platform name, followed by the environment when there is one ({@code shop-prod})
 * @param fifo   whether topics and consumer queues are FIFO (their names then end in {@code .fifo})
 */
public record ResourceNames(String prefix, boolean fifo) {

    /**
     * The environment a deployment gets when none is named: the Pulumi stacks' default, and so the
     * local run's and the CLI's, so that every one of them names a queue alike ({@code shop-dev-billing}).
     */
    public static final String DEFAULT_ENVIRONMENT = "dev";

    /** What follows the prefix in the names of a region's own resources (topic, quarantine and so on). */
    public static final String TOPIC = "events";

    public static final String QUARANTINE = "quarantine";
    public static final String ON_FAILURE = "stream-failures";
    public static final String IDEMPOTENCY = "idempotency";
    public static final String PROCESSOR = "processor";
    /** A consumer may not be named like one of the region's own resources: their names would collide with its queues'. */
    public static final List<String> RESERVED = List.of(TOPIC, QUARANTINE, ON_FAILURE, IDEMPOTENCY, PROCESSOR);
    /** What a dead-letter queue's name adds to its consumer's. */
    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    /** Names without an environment ({@code shop-billing}); deployments always have one, see {@link #of(Topology, String)}. */
    public static ResourceNames of(Topology topology) {
        return new ResourceNames(topology.name(), topology.fanout().type() == FanoutType.FIFO);
    }

    /** Names for one environment (a Pulumi stack's, say): {@code shop} becomes {@code shop-prod}. */
    public static ResourceNames of(Topology topology, String environment) {
        if (environment == null || environment.isBlank()) {
            return of(topology);
        }
        Names.ENVIRONMENT.require(environment, "environment name");
        return new ResourceNames(
                topology.name() + "-" + environment, topology.fanout().type() == FanoutType.FIFO);
    }

    /** The region's SNS topic. */
    public String topic() {
        return fifoSuffix(prefix + "-" + TOPIC);
    }

    /** The consumer's queue in a region. */
    public String queue(String consumer) {
        return fifoSuffix(prefix + "-" + consumer);
    }

    /** The consumer's dead-letter queue (FIFO when its queue is). */
    public String deadLetterQueue(String consumer) {
        return fifoSuffix(prefix + "-" + consumer + DEAD_LETTER_SUFFIX);
    }

    /** Where the processor puts records it must not or cannot publish, with the reason. */
    public String quarantineQueue() {
        return prefix + "-" + QUARANTINE;
    }

    /** The event source mapping's on-failure destination. */
    public String onFailureQueue() {
        return prefix + "-" + ON_FAILURE;
    }

    /** The processor's regional idempotency table (not a global table). */
    public String idempotencyTable() {
        return prefix + "-" + IDEMPOTENCY;
    }

    /** The regional stream processor function. */
    public String processorFunction() {
        return prefix + "-" + PROCESSOR;
    }

    /** The processor's execution role in a region (IAM names are global, so the region is part of it). */
    public String processorRole(String region) {
        return processorFunction() + "-" + region;
    }

    /** The processor's log group, where Lambda writes its output. */
    public String processorLogGroup() {
        return "/aws/lambda/" + processorFunction();
    }

    private String fifoSuffix(String name) {
        return fifo ? name + ".fifo" : name;
    }
}
