package dev.distributary.fanout;

import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole fan-out of a platform, derived from the topology alone, as plain data (no AWS types):
 * per region, the topic and each consumer's queue, dead-letter queue and subscription. The
 * infrastructure program declares its resources from it, {@code FanoutProvisioner} creates them
 * on any endpoint, and {@code distributary plan} shows it.
 *
 * <pre>{@code
 * FanoutLayout layout = FanoutLayout.of(topology);               // or of(topology, ResourceNames.of(topology, "prod"))
 * QueueSubscription billing = layout.region("eu-west-1").subscription("billing").orElseThrow();
 * billing.filterPolicy().json();                                 // {"table":["orders"],"eventName":["INSERT","MODIFY"],...}
 * }</pre>
 *
 * @param regions one per platform region, in platform order
 */
public record FanoutLayout(List<RegionFanout> regions) {

    public FanoutLayout {
        regions = List.copyOf(regions);
    }

    /**
     * The fan-out of a topology, named as it is deployed.
     *
     * @throws FanoutConfigException when a consumer's subscription cannot be expressed in SNS
     */
    public static FanoutLayout of(Topology topology) {
        return of(topology, ResourceNames.of(topology));
    }

    /** With the resource names of one environment. */
    public static FanoutLayout of(Topology topology, ResourceNames names) {
        Map<String, FilterPolicy> policies = new LinkedHashMap<>();
        topology.fanout()
                .consumers()
                .forEach(consumer -> policies.put(consumer.name(), FilterPolicy.forConsumer(topology, consumer)));
        topology.tables().forEach(table -> MessageAttributes.itemAttributes(topology, table.name()));
        List<RegionFanout> regions = topology.regions().stream()
                .map(region -> new RegionFanout(
                        region,
                        names.topic(),
                        names.fifo(),
                        topology.consumersIn(region).stream()
                                .map(consumer -> subscription(consumer, names, policies.get(consumer.name())))
                                .toList()))
                .toList();
        return new FanoutLayout(regions);
    }

    /** The region's fan-out; {@link IllegalArgumentException} for a region outside the platform. */
    public RegionFanout region(String region) {
        return find(region)
                .orElseThrow(() ->
                        new IllegalArgumentException("region '" + region + "' is not one of the platform's regions "
                                + regions.stream().map(RegionFanout::region).toList()));
    }

    public Optional<RegionFanout> find(String region) {
        return regions.stream().filter(r -> r.region().equals(region)).findFirst();
    }

    private static QueueSubscription subscription(ConsumerSpec consumer, ResourceNames names, FilterPolicy policy) {
        return new QueueSubscription(
                consumer.name(),
                names.queue(consumer.name()),
                names.deadLetterQueue(consumer.name()),
                consumer.maxReceiveCount(),
                consumer.visibilityTimeoutSeconds(),
                names.fifo(),
                policy);
    }
}
