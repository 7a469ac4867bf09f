package dev.distributary.infra;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.dynamodb.DynamodbFunctions;
import com.pulumi.aws.dynamodb.inputs.GetTableArgs;
import com.pulumi.aws.dynamodb.outputs.GetTableResult;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.infra.RegionDeployment.StreamMapping;
import dev.distributary.topology.Arns;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.ResidencyViolation;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's stack: what {@code pulumi up} declares for the region, in this order — the
 * residency check (nothing is declared when it fails), the global tables (the primary's stack
 * only), the fan-out, the processor (where one runs) and the alarms and dashboard.
 */
public final class DistributaryStack {
    public static final String TAG_PLATFORM = "distributary:platform";
    public static final String TAG_ENVIRONMENT = "distributary:environment";

    private DistributaryStack() {}

    /**
     * Declares the region's resources.
     *
     * @throws ResidencyRefusedException when a replica or route would break the residency policy; nothing is declared then
     */
    public static void declare(Context ctx, StackSettings settings) {
        Topology topology = settings.topology();
        List<ResidencyViolation> violations = ResidencyPolicy.violations(topology);
        if (!violations.isEmpty()) {
            throw new ResidencyRefusedException(settings.platformFile(), violations);
        }
        String region = settings.region();
        ResourceNames names = settings.names();
        RegionFanout layout = FanoutLayout.of(topology, names).region(region);
        RegionDeployment deployment = RegionDeployment.of(topology, region);
        Map<String, String> tags = Map.of(TAG_PLATFORM, topology.name(), TAG_ENVIRONMENT, settings.environment());

        GlobalTables tables = deployment.ownsGlobalTables()
                ? new GlobalTables("global-tables", topology, region, tags, ComponentResourceOptions.Empty)
                : null;
        RegionalFanout fanout = new RegionalFanout("fanout", layout, tags, ComponentResourceOptions.Empty);
        if (deployment.processes()) {
            Output<Arns> arns = AwsFunctions.getCallerIdentity()
                    .applyValue(identity -> Arns.fromCallerIdentity(identity.arn(), identity.accountId()));
            RegionalProcessor processor = new RegionalProcessor(
                    "processor",
                    settings,
                    deployment,
                    arns,
                    wiring(settings, deployment, tables, fanout, arns),
                    tags,
                    ComponentResourceOptions.Empty);
            ctx.export("processorAlias", processor.aliasArn());
        }
        new Observability("observability", settings, deployment, layout, tags, ComponentResourceOptions.Empty);

        ctx.export("region", Output.of(region));
        ctx.export("topicArn", fanout.topicArn());
        ctx.export(
                "queueUrls",
                Output.all(new ArrayList<>(fanout.queueUrls().values())).applyValue(urls -> {
                    Map<String, String> byConsumer = new LinkedHashMap<>();
                    List<String> consumers = new ArrayList<>(fanout.queueUrls().keySet());
                    for (int i = 0; i < consumers.size(); i++) {
                        byConsumer.put(consumers.get(i), urls.get(i));
                    }
                    return byConsumer;
                }));
    }

    private static RegionalProcessor.Wiring wiring(
            StackSettings settings,
            RegionDeployment deployment,
            GlobalTables tables,
            RegionalFanout fanout,
            Output<Arns> arns) {
        Topology topology = settings.topology();
        String region = settings.region();
        String topicName = settings.names().topic();
        Map<String, Output<String>> streams = new LinkedHashMap<>();
        for (StreamMapping mapping : deployment.mappings()) {
            String table = mapping.table().name();
            streams.put(
                    table,
                    tables != null && region.equals(tables.homeRegion(table))
                            ? tables.homeStreamArn(table)
                            // The replica in this region, made by the primary's stack: looked up here, in this stack's
                            // region.
                            : DynamodbFunctions.getTable(
                                            GetTableArgs.builder().name(table).build())
                                    .applyValue(GetTableResult::streamArn));
        }
        // The processor's configuration needs every region's topic in primary-region mode, its own otherwise
        // (its role may publish only to those of Topology.publishRegions).
        List<String> configured =
                topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
        Map<String, Output<String>> topics = new LinkedHashMap<>();
        configured.forEach(r ->
                topics.put(r, r.equals(region) ? fanout.topicArn() : arns.applyValue(a -> a.topic(r, topicName))));
        return new RegionalProcessor.Wiring(streams, topics);
    }
}
