package dev.distributary.local.provision;

import dev.distributary.fanout.provision.ProvisionedRegion;
import java.util.Map;
import java.util.Optional;

/**
 * What exists in one region after provisioning.
 *
 * @param region            the region
 * @param streamArns        table name to its stream in this region (the tables with a replica here)
 * @param fanout            the topic and the consumers' queues
 * @param processor         the processor's own resources, in regions where a processor runs
 */
public record RegionResources(
        String region,
        Map<String, String> streamArns,
        ProvisionedRegion fanout,
        Optional<ProcessorResources> processor) {
    public RegionResources {
        streamArns = Map.copyOf(streamArns);
    }

    /**
     * What the processor of one region is wired to.
     *
     * @param idempotencyTable the regional idempotency table
     * @param quarantineUrl    where the processor quarantines records
     * @param onFailureUrl     the event source mapping's on-failure destination
     */
    public record ProcessorResources(String idempotencyTable, String quarantineUrl, String onFailureUrl) {}
}
