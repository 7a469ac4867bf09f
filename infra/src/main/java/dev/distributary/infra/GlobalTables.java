package dev.distributary.infra;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.TableReplica;
import com.pulumi.aws.dynamodb.TableReplicaArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.PlatformTables;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every global table of the platform, declared in the primary's stack: per table, the table in
 * its home region (the primary when its zone includes it, else the first region of its zone)
 * and a {@code TableReplica} in each other region its zone allows, so that no replica exists
 * outside the zone. Streams carry new and old images; point-in-time recovery, deletion
 * protection and encryption at rest (the AWS-managed DynamoDB key) are on for the table and
 * every replica; TTL is on the origin stamp's TTL attribute, which tombstones set.
 *
 * <p>Replicas are separate {@code TableReplica} resources, never the table's inline
 * {@code replicas} (which the table ignores, as the provider requires when both could meet).
 */
public final class GlobalTables extends ComponentResource {
    public static final String TYPE = "distributary:infra:GlobalTables";

    private final Map<String, Output<String>> homeStreamArns = new LinkedHashMap<>();
    private final Map<String, String> homeRegions = new LinkedHashMap<>();

    public GlobalTables(
            String name,
            Topology topology,
            String stackRegion,
            Map<String, String> tags,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        Map<String, Provider> providers = new LinkedHashMap<>();
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        for (TableSpec spec : topology.tables()) {
            List<String> replicaRegions = topology.replicaRegions(spec);
            String home = homeRegion(topology, spec, stackRegion);
            CustomResourceOptions.Builder tableOptions =
                    CustomResourceOptions.builder().parent(this).ignoreChanges("replicas");
            if (!home.equals(stackRegion)) {
                tableOptions.provider(provider(providers, home));
            }
            TableArgs.Builder args = TableArgs.builder()
                    .name(spec.name())
                    .billingMode("PAY_PER_REQUEST")
                    .hashKey(spec.partitionKey().name());
            spec.sortKey().ifPresent(sort -> args.rangeKey(sort.name()));
            Table table = new Table(
                    spec.name(),
                    args.attributes(attributes(spec))
                            .streamEnabled(true)
                            .streamViewType(PlatformTables.STREAM_VIEW_TYPE)
                            .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder()
                                    .enabled(true)
                                    .build())
                            .deletionProtectionEnabled(true)
                            .serverSideEncryption(TableServerSideEncryptionArgs.builder()
                                    .enabled(true)
                                    .build())
                            .ttl(TableTtlArgs.builder()
                                    .attributeName(spec.stamp().ttlAttribute())
                                    .enabled(true)
                                    .build())
                            .tags(tags)
                            .build(),
                    tableOptions.build());
            homeStreamArns.put(spec.name(), table.streamArn());
            homeRegions.put(spec.name(), home);
            outputs.put(spec.name() + "Arn", table.arn());
            for (String region : replicaRegions) {
                if (region.equals(home)) {
                    continue;
                }
                new TableReplica(
                        spec.name() + "-" + region,
                        TableReplicaArgs.builder()
                                .globalTableArn(table.arn())
                                .pointInTimeRecovery(true)
                                .deletionProtectionEnabled(true)
                                .tags(tags)
                                .build(),
                        CustomResourceOptions.builder()
                                .parent(this)
                                .provider(provider(providers, region))
                                .build());
            }
        }
        registerOutputs(outputs);
    }

    /** The region a table is created in; its other replicas are added to it. */
    public static String homeRegion(Topology topology, TableSpec table, String primary) {
        List<String> replicas = topology.replicaRegions(table);
        return replicas.contains(primary) ? primary : replicas.get(0);
    }

    /** The stream of the table in its home region. */
    public Output<String> homeStreamArn(String table) {
        Output<String> arn = homeStreamArns.get(table);
        if (arn == null) {
            throw new IllegalArgumentException("no global table '" + table + "'");
        }
        return arn;
    }

    public String homeRegion(String table) {
        return homeRegions.get(table);
    }

    private Provider provider(Map<String, Provider> providers, String region) {
        return providers.computeIfAbsent(
                region,
                r -> new Provider(
                        "aws-" + r,
                        ProviderArgs.builder().region(r).build(),
                        CustomResourceOptions.builder().parent(this).build()));
    }

    private static List<TableAttributeArgs> attributes(TableSpec spec) {
        List<TableAttributeArgs> attributes = new ArrayList<>();
        attributes.add(attribute(spec.partitionKey()));
        spec.sortKey().ifPresent(sort -> attributes.add(attribute(sort)));
        return attributes;
    }

    private static TableAttributeArgs attribute(KeyAttribute key) {
        return TableAttributeArgs.builder()
                .name(key.name())
                .type(key.type().name())
                .build();
    }
}
