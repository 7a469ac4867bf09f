package dev.distributary.local.internal.provision;

import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.local.provision.RegionResources;
import dev.distributary.moto.AwsClients;
import dev.distributary.topology.PlatformTables;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates a whole platform on an emulator, region by region: a table with a stream per table
 * replica (the emulator has no global tables), the fan-out (topic, queues, dead-letter queues,
 * subscriptions), and where a processor runs its idempotency table, quarantine queue and
 * on-failure queue. Running it again is harmless.
 */
public final class PlatformProvisioner {
    private final Topology topology;
    private final ResourceNames names;
    private final AwsClients aws;

    public PlatformProvisioner(Topology topology, ResourceNames names, AwsClients aws) {
        this.topology = topology;
        this.names = names;
        this.aws = aws;
    }

    /** Provisions every region; {@code progress} hears one line per region. */
    public Map<String, RegionResources> provision(Consumer<String> progress) {
        FanoutLayout layout = FanoutLayout.of(topology, names);
        Map<String, RegionResources> regions = new LinkedHashMap<>();
        for (String region : topology.regions()) {
            Map<String, String> streams = new LinkedHashMap<>();
            for (TableSpec table : topology.tables()) {
                if (topology.replicaRegions(table).contains(region)) {
                    streams.put(table.name(), TableProvisioner.globalTableReplica(aws.dynamoDb(region), table));
                }
            }
            ProvisionedRegion fanout =
                    new FanoutProvisioner(aws.sns(region), aws.sqs(region)).provision(layout.region(region));
            Optional<RegionResources.ProcessorResources> processor = Optional.empty();
            if (topology.processingRegions().contains(region)) {
                TableProvisioner.idempotencyTable(aws.dynamoDb(region), names.idempotencyTable());
                String quarantine = aws.sqs(region)
                        .createQueue(b -> b.queueName(names.quarantineQueue())
                                .attributesWithStrings(PlatformTables.terminalQueueAttributes()))
                        .queueUrl();
                String onFailure = aws.sqs(region)
                        .createQueue(b -> b.queueName(names.onFailureQueue())
                                .attributesWithStrings(PlatformTables.terminalQueueAttributes()))
                        .queueUrl();
                processor = Optional.of(
                        new RegionResources.ProcessorResources(names.idempotencyTable(), quarantine, onFailure));
            }
            regions.put(region, new RegionResources(region, streams, fanout, processor));
            progress.accept(region + ": " + streams.size() + " table(s) with streams, topic " + names.topic() + ", "
                    + fanout.queues().size() + " consumer queue(s)"
                    + (processor.isPresent() ? ", processor resources" : ""));
        }
        return regions;
    }
}
