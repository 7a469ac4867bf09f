package dev.distributary.infra.synth;

import com.pulumi.test.Mocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cloud as synth sees it: Pulumi {@link Mocks} that accept every resource, give it the
 * outputs AWS would (ARNs, URLs, stream ARNs, a function version) in the region of its provider
 * and the account {@value #ACCOUNT}, and answer the data sources the program reads
 * ({@code getCallerIdentity}, {@code getTable}). Any other data source is refused by name, so a
 * new lookup in the program cannot pass silently with an empty answer.
 */
public final class OfflineCloud implements Mocks {
    /** The account of every ARN synth shows: AWS's documentation account, never a real one. */
    public static final String ACCOUNT = "123456789012";

    public static final String CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
    public static final String GET_TABLE = "aws:dynamodb/getTable:getTable";
    /** The stream label synth gives every table: streams are named by their creation time. */
    public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

    private final String region;
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

    /** @param region the stack's region, where resources without an explicit provider live */
    public OfflineCloud(String region) {
        this.region = region;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        String id = args.name;
        if (args.type.startsWith("pulumi:providers:")) {
            Object providerRegion = args.inputs.get("region");
            providerRegions.put(id, providerRegion == null ? region : providerRegion.toString());
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
        }
        String where = regionOf(args.provider);
        String name = String.valueOf(args.inputs.getOrDefault("name", args.name));
        switch (args.type) {
            case "aws:sqs/queue:Queue" -> {
                id = "https://sqs." + where + ".amazonaws.com/" + ACCOUNT + "/" + name;
                state.put("arn", arn("sqs", where, name));
                state.put("url", id);
            }
            case "aws:sns/topic:Topic" -> {
                id = arn("sns", where, name);
                state.put("arn", id);
            }
            case "aws:dynamodb/table:Table" -> {
                state.put("arn", arn("dynamodb", where, "table/" + name));
                state.put("streamArn", streamArn(where, name));
                state.put("streamLabel", STREAM_LABEL);
            }
            case "aws:dynamodb/tableReplica:TableReplica" ->
                state.put(
                        "arn",
                        String.valueOf(args.inputs.get("globalTableArn"))
                                .replaceFirst(":dynamodb:[^:]+:", ":dynamodb:" + where + ":"));
            case "aws:lambda/function:Function" -> {
                String arn = arn("lambda", where, "function:" + name);
                state.put("arn", arn);
                state.put("version", "1");
                state.put("qualifiedArn", arn + ":1");
            }
            case "aws:lambda/alias:Alias" ->
                state.put("arn", arn("lambda", where, "function:" + args.inputs.get("functionName") + ":" + name));
            case "aws:iam/role:Role" -> state.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + name);
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn", arn("logs", where, "log-group:" + name));
            case "aws:cloudwatch/metricAlarm:MetricAlarm" ->
                state.put("arn", arn("cloudwatch", where, "alarm:" + name));
            default -> {
                // components, policies, subscriptions, mappings, dashboards: their inputs are what matters
            }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        String where = regionOf(args.provider);
        return switch (args.token) {
            case CALLER_IDENTITY -> CompletableFuture.completedFuture(callerIdentity());
            case GET_TABLE -> CompletableFuture.completedFuture(table(where, String.valueOf(args.args.get("name"))));
            default ->
                CompletableFuture.failedFuture(
                        new IllegalStateException("synth has no offline answer for the data source " + args.token
                                + "; teach OfflineCloud about it"));
        };
    }

    public static Map<String, Object> callerIdentity() {
        return Map.of(
                "accountId",
                ACCOUNT,
                "arn",
                "arn:aws:iam::" + ACCOUNT + ":user/synth",
                "id",
                ACCOUNT,
                "userId",
                "SYNTH");
    }

    /** What {@code getTable} returns for a global table's replica in the region (every field the provider requires). */
    public static Map<String, Object> table(String region, String name) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("arn", arn("dynamodb", region, "table/" + name));
        table.put("attributes", List.of());
        table.put("billingMode", "PAY_PER_REQUEST");
        table.put("deletionProtectionEnabled", true);
        table.put("globalSecondaryIndexes", List.of());
        table.put("hashKey", "");
        table.put("id", name);
        table.put("localSecondaryIndexes", List.of());
        table.put("name", name);
        table.put("onDemandThroughputs", List.of());
        table.put("pointInTimeRecovery", Map.of("enabled", true, "recoveryPeriodInDays", 35));
        table.put("rangeKey", "");
        table.put("readCapacity", 0);
        table.put("replicas", List.of());
        table.put("serverSideEncryption", Map.of("enabled", true, "kmsKeyArn", ""));
        table.put("streamArn", streamArn(region, name));
        table.put("streamEnabled", true);
        table.put("streamLabel", STREAM_LABEL);
        table.put("streamViewType", "NEW_AND_OLD_IMAGES");
        table.put("tableClass", "STANDARD");
        table.put("tags", Map.of());
        table.put("ttl", Map.of("attributeName", "", "enabled", true));
        table.put("writeCapacity", 0);
        return table;
    }

    public static String streamArn(String region, String table) {
        return arn("dynamodb", region, "table/" + table + "/stream/" + STREAM_LABEL);
    }

    private static String arn(String service, String region, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
    }

    /** A provider reference is {@code URN::ID}; the ID is the provider's logical name here. */
    private String regionOf(String providerReference) {
        if (providerReference == null || providerReference.isEmpty()) {
            return region;
        }
        int separator = providerReference.lastIndexOf("::");
        String id = separator < 0 ? providerReference : providerReference.substring(separator + 2);
        return providerRegions.getOrDefault(id, region);
    }
}
