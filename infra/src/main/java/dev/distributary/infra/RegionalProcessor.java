package dev.distributary.infra;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingDestinationConfigArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingDestinationConfigOnFailureArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingFilterCriteriaArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingFilterCriteriaFilterArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingMetricsConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.distributary.infra.RegionDeployment.StreamMapping;
import dev.distributary.infra.internal.PolicyDocuments;
import dev.distributary.topology.Arns;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.PlatformTables;
import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.ProcessorPolicy;
import dev.distributary.topology.ProcessorSettings;
import dev.distributary.topology.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's stream processor: its log group, least-privilege role, regional idempotency
 * table, quarantine queue and on-failure queue, the Lambda function (Java 21 on arm64, SnapStart
 * on a published version behind the {@value #ALIAS} alias, active tracing, the environment of
 * {@link ProcessorEnvironment}), and one event source mapping per table stream replica in the
 * region, with replication-filter's FilterCriteria.
 */
public final class RegionalProcessor extends ComponentResource {
    public static final String TYPE = "distributary:infra:RegionalProcessor";
    public static final String RUNTIME = "java21";
    public static final String ARCHITECTURE = "arm64";
    public static final String ALIAS = "live";
    public static final int LOG_RETENTION_DAYS = 30;

    /**
     * What the processor is wired to.
     *
     * @param streamArns     per mapped table, the stream of its replica in this region
     * @param topicArns      per region, the topic ARN the processor's environment names
     */
    public record Wiring(Map<String, Output<String>> streamArns, Map<String, Output<String>> topicArns) {}

    private final Output<String> aliasArn;
    private final String functionName;

    public RegionalProcessor(
            String name,
            StackSettings settings,
            RegionDeployment deployment,
            Output<Arns> arns,
            Wiring wiring,
            Map<String, String> tags,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        ResourceNames names = settings.names();
        String region = settings.region();
        ProcessorSettings processor = settings.topology().processor();
        functionName = names.processorFunction();
        String logGroupName = names.processorLogGroup();

        LogGroup logGroup = new LogGroup(
                functionName,
                LogGroupArgs.builder()
                        .name(logGroupName)
                        .retentionInDays(LOG_RETENTION_DAYS)
                        .tags(tags)
                        .build(),
                child());

        new Table(
                names.idempotencyTable(),
                TableArgs.builder()
                        .name(names.idempotencyTable())
                        .billingMode("PAY_PER_REQUEST")
                        .hashKey(PlatformTables.IDEMPOTENCY_KEY)
                        .attributes(TableAttributeArgs.builder()
                                .name(PlatformTables.IDEMPOTENCY_KEY)
                                .type("S")
                                .build())
                        .ttl(TableTtlArgs.builder()
                                .attributeName(PlatformTables.IDEMPOTENCY_EXPIRY)
                                .enabled(true)
                                .build())
                        .serverSideEncryption(TableServerSideEncryptionArgs.builder()
                                .enabled(true)
                                .build())
                        .tags(tags)
                        .build(),
                child());

        Queue quarantine = terminalQueue(names.quarantineQueue(), tags);
        Queue onFailure = terminalQueue(names.onFailureQueue(), tags);

        Role role = new Role(
                names.processorRole(region),
                RoleArgs.builder()
                        .name(names.processorRole(region))
                        .description("Distributary stream processor in " + region)
                        .assumeRolePolicy(PolicyDocuments.assumeRole("lambda.amazonaws.com"))
                        .tags(tags)
                        .build(),
                child());

        // The document the local run enforces too: ProcessorPermissions on ARNs built from the same names.
        Output<String> document = arns.applyValue(a -> ProcessorPolicy.of(settings.topology(), names, region, a));
        RolePolicy policy = new RolePolicy(
                functionName + "-" + region,
                RolePolicyArgs.builder()
                        .role(role.name())
                        .name("distributary-processor")
                        .policy(document)
                        .build(),
                child());

        Output<Map<String, String>> topics = Output.all(
                        new ArrayList<>(wiring.topicArns().values()))
                .applyValue(values -> {
                    Map<String, String> byRegion = new LinkedHashMap<>();
                    List<String> regions = new ArrayList<>(wiring.topicArns().keySet());
                    for (int i = 0; i < regions.size(); i++) {
                        byRegion.put(regions.get(i), values.get(i));
                    }
                    return byRegion;
                });
        Output<Map<String, String>> environment = Output.tuple(topics, quarantine.url())
                .applyValue(t -> {
                    Map<String, String> variables = new LinkedHashMap<>(
                            ProcessorEnvironment.of(settings.platformYaml(), t.t1, t.t2, names.idempotencyTable()));
                    settings.httpClient().ifPresent(client -> variables.put(ProcessorEnvironment.HTTP_CLIENT, client));
                    LambdaRules.requireEnvironment(functionName + " in " + region, variables);
                    return variables;
                });

        Function function = new Function(
                functionName,
                FunctionArgs.builder()
                        .name(functionName)
                        .description("Distributary stream processor ("
                                + settings.topology().routing().mode().yamlName() + ")")
                        .role(role.arn())
                        .runtime(RUNTIME)
                        .architectures(ARCHITECTURE)
                        .handler(ProcessorEnvironment.HANDLER)
                        .code(new FileArchive(settings.processorJar()))
                        .memorySize(processor.memoryMb())
                        .timeout(processor.timeoutSeconds())
                        .publish(true)
                        .snapStart(FunctionSnapStartArgs.builder()
                                .applyOn("PublishedVersions")
                                .build())
                        .tracingConfig(FunctionTracingConfigArgs.builder()
                                .mode("Active")
                                .build())
                        .environment(FunctionEnvironmentArgs.builder()
                                .variables(environment)
                                .build())
                        .tags(tags)
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .dependsOn(logGroup, policy)
                        .build());

        Alias alias = new Alias(
                functionName + "-" + ALIAS,
                AliasArgs.builder()
                        .name(ALIAS)
                        .functionName(function.name())
                        .functionVersion(function.version())
                        .description("The published version (SnapStart) the event source mappings invoke")
                        .build(),
                child());
        aliasArn = alias.arn();

        for (StreamMapping mapping : deployment.mappings()) {
            String table = mapping.table().name();
            EventSourceMappingArgs.Builder args = EventSourceMappingArgs.builder()
                    .eventSourceArn(wiring.streamArns().get(table))
                    .functionName(alias.arn())
                    .startingPosition(processor.startingPosition().name())
                    .batchSize(processor.batchSize())
                    .maximumBatchingWindowInSeconds(processor.batchingWindowSeconds())
                    .bisectBatchOnFunctionError(processor.bisectOnError())
                    .maximumRetryAttempts(processor.maximumRetryAttempts())
                    .maximumRecordAgeInSeconds(processor.maximumRecordAgeSeconds())
                    .parallelizationFactor(processor.parallelizationFactor())
                    .tumblingWindowInSeconds(processor.tumblingWindowSeconds())
                    .functionResponseTypes("ReportBatchItemFailures")
                    .destinationConfig(EventSourceMappingDestinationConfigArgs.builder()
                            .onFailure(EventSourceMappingDestinationConfigOnFailureArgs.builder()
                                    .destinationArn(onFailure.arn())
                                    .build())
                            .build())
                    .metricsConfig(EventSourceMappingMetricsConfigArgs.builder()
                            .metrics("EventCount")
                            .build());
            if (!mapping.patterns().isEmpty()) {
                args.filterCriteria(EventSourceMappingFilterCriteriaArgs.builder()
                        .filters(mapping.patterns().stream()
                                .map(pattern -> EventSourceMappingFilterCriteriaFilterArgs.builder()
                                        .pattern(pattern)
                                        .build())
                                .toList())
                        .build());
            }
            new EventSourceMapping(
                    functionName + "-" + table,
                    args.build(),
                    CustomResourceOptions.builder()
                            .parent(this)
                            .dependsOn(policy)
                            .build());
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("functionName", function.name());
        outputs.put("aliasArn", aliasArn);
        outputs.put("quarantineQueueUrl", quarantine.url());
        registerOutputs(outputs);
    }

    public Output<String> aliasArn() {
        return aliasArn;
    }

    public String functionName() {
        return functionName;
    }

    /** A queue nothing consumes automatically: kept 14 days, encrypted, TLS only; its depth is alarmed. */
    private Queue terminalQueue(String name, Map<String, String> tags) {
        Queue queue = new Queue(
                name,
                QueueArgs.builder()
                        .name(name)
                        .messageRetentionSeconds(PlatformTables.FAILURE_RETENTION_SECONDS)
                        .sqsManagedSseEnabled(true)
                        .tags(tags)
                        .build(),
                child());
        new QueuePolicy(
                name,
                QueuePolicyArgs.builder()
                        .queueUrl(queue.url())
                        .policy(queue.arn().applyValue(PolicyDocuments::queueDenyInsecureTransport))
                        .build(),
                child());
        return queue;
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
