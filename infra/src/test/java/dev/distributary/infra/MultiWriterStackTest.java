package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks.ResourceArgs;
import com.pulumi.test.PulumiTest;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.QueueSubscription;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.infra.synth.OfflineCloud;
import dev.distributary.replication.FilterPatterns;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.TopologyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shipped platform.yaml (multi-writer, primary us-east-1): each region's stack under Pulumi's mocks. */
class MultiWriterStackTest {
    private static final String TABLE = "aws:dynamodb/table:Table";
    private static final String REPLICA = "aws:dynamodb/tableReplica:TableReplica";
    private static final String ESM = "aws:lambda/eventSourceMapping:EventSourceMapping";
    private static final String FUNCTION = "aws:lambda/function:Function";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void everyRegion_multiWriter_declaresTheExpectedResourcesPerType() {
        Map<String, Integer> processor = Map.ofEntries(
                entry("aws:cloudwatch/dashboard:Dashboard", 1),
                entry("aws:cloudwatch/logGroup:LogGroup", 1),
                entry("aws:iam/role:Role", 1),
                entry("aws:iam/rolePolicy:RolePolicy", 1),
                entry("aws:lambda/alias:Alias", 1),
                entry(FUNCTION, 1),
                entry("aws:sns/topic:Topic", 1),
                entry("aws:sns/topicPolicy:TopicPolicy", 1),
                entry("distributary:infra:Observability", 1),
                entry("distributary:infra:RegionalFanout", 1),
                entry("distributary:infra:RegionalProcessor", 1));

        Map<String, Integer> primaryExtras = new java.util.TreeMap<>(Map.of(
                TABLE,
                4,
                REPLICA,
                4,
                ESM,
                2,
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                9,
                "aws:sns/topicSubscription:TopicSubscription",
                3,
                "aws:sqs/queue:Queue",
                8,
                "aws:sqs/queuePolicy:QueuePolicy",
                8,
                "distributary:infra:GlobalTables",
                1,
                "pulumi:providers:aws",
                2));
        assertThat(Stack.run(Stack.PLATFORM, "us-east-1").succeeded().counts())
                .isEqualTo(union(processor, primaryExtras));
        assertThat(Stack.run(Stack.PLATFORM, "eu-west-1").succeeded().counts())
                .isEqualTo(union(
                        processor,
                        Map.of(
                                TABLE,
                                1,
                                ESM,
                                3,
                                "aws:cloudwatch/metricAlarm:MetricAlarm",
                                10,
                                "aws:sns/topicSubscription:TopicSubscription",
                                4,
                                "aws:sqs/queue:Queue",
                                10,
                                "aws:sqs/queuePolicy:QueuePolicy",
                                10)));
        assertThat(Stack.run(Stack.PLATFORM, "ap-southeast-2").succeeded().counts())
                .isEqualTo(union(
                        processor,
                        Map.of(
                                TABLE,
                                1,
                                ESM,
                                2,
                                "aws:cloudwatch/metricAlarm:MetricAlarm",
                                9,
                                "aws:sns/topicSubscription:TopicSubscription",
                                3,
                                "aws:sqs/queue:Queue",
                                8,
                                "aws:sqs/queuePolicy:QueuePolicy",
                                8)));
    }

    @Test
    void primaryStack_multiWriter_createsEachTableInItsZoneWithReplicasOnlyWhereItsZoneAllows() {
        Stack stack = Stack.run(Stack.PLATFORM, "us-east-1").succeeded();

        ResourceArgs orders = stack.named(TABLE, "orders");
        assertThat(orders.provider)
                .as("orders is created in the stack's own region")
                .isEmpty();
        assertThat(orders.inputs)
                .contains(
                        entry("name", "orders"),
                        entry("hashKey", "pk"),
                        entry("rangeKey", "sk"),
                        entry("streamEnabled", true),
                        entry("streamViewType", "NEW_AND_OLD_IMAGES"),
                        entry("deletionProtectionEnabled", true),
                        entry("billingMode", "PAY_PER_REQUEST"));
        assertThat(Stack.input(orders, "pointInTimeRecovery", "enabled")).isEqualTo(true);
        assertThat(Stack.input(orders, "serverSideEncryption", "enabled")).isEqualTo(true);
        assertThat(Stack.input(orders, "ttl")).isEqualTo(Map.of("attributeName", "_expiresAt", "enabled", true));
        assertThat(orders.inputs).doesNotContainKey("replicas");
        assertThat(stack.ofType(REPLICA))
                .extracting(r -> r.name)
                .containsExactlyInAnyOrder(
                        "orders-eu-west-1", "orders-ap-southeast-2", "inventory-eu-west-1", "inventory-ap-southeast-2");
        assertThat(stack.ofType(REPLICA)).allSatisfy(replica -> {
            String table = replica.name.substring(0, replica.name.indexOf('-'));
            assertThat(replica.inputs)
                    .contains(
                            entry("pointInTimeRecovery", true),
                            entry("deletionProtectionEnabled", true),
                            entry("globalTableArn", "arn:aws:dynamodb:us-east-1:123456789012:table/" + table));
            assertThat(replica.provider).endsWith("::aws-" + replica.name.substring(table.length() + 1));
        });

        ResourceArgs euCustomers = stack.named(TABLE, "eu-customers");
        assertThat(euCustomers.provider)
                .as("the EU-only table is created in eu-west-1, never in the primary us-east-1")
                .endsWith("::aws-eu-west-1");
        assertThat(stack.named("pulumi:providers:aws", "aws-eu-west-1").inputs).containsEntry("region", "eu-west-1");
        assertThat(stack.ofType(REPLICA)).noneMatch(r -> r.name.startsWith("eu-customers"));
    }

    @Test
    void otherRegions_multiWriter_declareNoGlobalTableAndLookUpTheirStreamReplicaInTheirRegion() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();

        assertThat(stack.ofType(TABLE)).extracting(r -> r.name).containsExactly("shop-test-idempotency");
        assertThat(stack.ofType(REPLICA)).isEmpty();
        assertThat(stack.calls())
                .filteredOn(c -> c.token.equals(OfflineCloud.GET_TABLE))
                .allSatisfy(call ->
                        assertThat(call.provider).as("the stack's own region").isEmpty())
                .extracting(c -> c.args.get("name"))
                .containsExactlyInAnyOrder("orders", "eu-customers", "inventory");
        assertThat(stack.named(ESM, "shop-test-processor-eu-customers").inputs)
                .containsEntry("eventSourceArn", OfflineCloud.streamArn("eu-west-1", "eu-customers"));
    }

    @Test
    void processorFunction_anyRegion_isJava21OnArm64WithSnapStartTracingAndTheProcessorEnvironment() throws Exception {
        Stack stack = Stack.run(Stack.PLATFORM, "ap-southeast-2").succeeded();

        ResourceArgs function = stack.named(FUNCTION, "shop-test-processor");
        assertThat(function.inputs)
                .contains(
                        entry("runtime", "java21"),
                        entry("architectures", List.of("arm64")),
                        entry("handler", ProcessorEnvironment.HANDLER),
                        entry("publish", true),
                        entry("memorySize", 1024.0),
                        entry("timeout", 60.0),
                        entry("role", "arn:aws:iam::123456789012:role/shop-test-processor-ap-southeast-2"));
        assertThat(Stack.input(function, "snapStart", "applyOn")).isEqualTo("PublishedVersions");
        assertThat(Stack.input(function, "tracingConfig", "mode")).isEqualTo("Active");
        @SuppressWarnings("unchecked")
        Map<String, String> environment = (Map<String, String>) Stack.input(function, "environment", "variables");
        assertThat(environment)
                .containsOnlyKeys(
                        ProcessorEnvironment.PLATFORM,
                        ProcessorEnvironment.TOPICS,
                        ProcessorEnvironment.QUARANTINE_QUEUE_URL,
                        ProcessorEnvironment.IDEMPOTENCY_TABLE,
                        ProcessorEnvironment.SERVICE_NAME,
                        ProcessorEnvironment.JAVA_TOOL_OPTIONS);
        assertThat(TopologyLoader.parse(
                        ProcessorEnvironment.decodePlatform(environment.get(ProcessorEnvironment.PLATFORM)), "env"))
                .isEqualTo(TopologyLoader.load(Stack.PLATFORM));
        assertThat(LambdaRules.environmentBytes(environment)).isLessThanOrEqualTo(LambdaRules.MAX_ENVIRONMENT_BYTES);
        assertThat(ProcessorEnvironment.parseTopics(environment.get(ProcessorEnvironment.TOPICS)))
                .containsExactly(entry("ap-southeast-2", "arn:aws:sns:ap-southeast-2:123456789012:shop-test-events"));
        assertThat(environment)
                .containsEntry(
                        ProcessorEnvironment.QUARANTINE_QUEUE_URL,
                        "https://sqs.ap-southeast-2.amazonaws.com/123456789012/shop-test-quarantine")
                .containsEntry(ProcessorEnvironment.IDEMPOTENCY_TABLE, "shop-test-idempotency");

        assertThat(stack.named("aws:lambda/alias:Alias", "shop-test-processor-live").inputs)
                .contains(
                        entry("name", "live"),
                        entry("functionName", "shop-test-processor"),
                        entry("functionVersion", "1"));
        ResourceArgs idempotency = stack.named(TABLE, "shop-test-idempotency");
        assertThat(idempotency.inputs).contains(entry("hashKey", "id"), entry("billingMode", "PAY_PER_REQUEST"));
        assertThat(Stack.input(idempotency, "ttl")).isEqualTo(Map.of("attributeName", "expiration", "enabled", true));
    }

    @Test
    void processorFunction_everyRegion_startsItsJvmWithTheStartUpOptionsTheLocalRunMeasures() {
        for (Stack stack : Stack.everyRegion(Stack.PLATFORM)) {
            @SuppressWarnings("unchecked")
            Map<String, String> environment = (Map<String, String>)
                    Stack.input(stack.succeeded().named(FUNCTION, "shop-test-processor"), "environment", "variables");
            assertThat(environment)
                    .as(stack.settings().region())
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
                    .containsEntry(ProcessorEnvironment.JAVA_TOOL_OPTIONS, ProcessorEnvironment.JVM_OPTIONS);
            assertThat(LambdaRules.environmentBytes(environment))
                    .isLessThanOrEqualTo(LambdaRules.MAX_ENVIRONMENT_BYTES);
        }
    }

    @Test
    void eventSourceMappings_euWest1_carryTheProcessorSettingsAndReplicationFiltersCriteria() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();

        assertThat(stack.ofType(ESM)).hasSize(3).allSatisfy(mapping -> {
            assertThat(mapping.inputs)
                    .contains(
                            entry(
                                    "functionName",
                                    "arn:aws:lambda:eu-west-1:123456789012:function:shop-test-processor:live"),
                            entry("startingPosition", "TRIM_HORIZON"),
                            entry("batchSize", 100.0),
                            entry("maximumBatchingWindowInSeconds", 0.0),
                            entry("bisectBatchOnFunctionError", true),
                            entry("maximumRetryAttempts", 10.0),
                            entry("maximumRecordAgeInSeconds", 3600.0),
                            entry("parallelizationFactor", 1.0),
                            entry("functionResponseTypes", List.of("ReportBatchItemFailures")));
            assertThat(Stack.input(mapping, "metricsConfig", "metrics")).isEqualTo(List.of("EventCount"));
            assertThat(Stack.input(mapping, "destinationConfig", "onFailure", "destinationArn"))
                    .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:shop-test-stream-failures");
        });
        StackSettings settings = stack.settings();
        assertThat(filterPatterns(stack.named(ESM, "shop-test-processor-eu-customers")))
                .hasSize(5)
                .isEqualTo(FilterPatterns.forRegion(settings.topology(), "eu-customers", "eu-west-1"));
        assertThat(FilterPatterns.forRegion(settings.topology(), "orders", "eu-west-1"))
                .as("order-cache takes replicas here")
                .isEmpty();
        assertThat(stack.named(ESM, "shop-test-processor-orders").inputs).doesNotContainKey("filterCriteria");
        assertThat(filterPatterns(stack.named(ESM, "shop-test-processor-inventory")))
                .as("restock takes local changes only, so inventory's replicas are filtered out here")
                .hasSize(5)
                .isEqualTo(FilterPatterns.forRegion(settings.topology(), "inventory", "eu-west-1"));
    }

    @Test
    void fanout_anyRegion_isDeclaredFromFanoutLayout() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();
        RegionFanout layout = FanoutLayout.of(
                        stack.settings().topology(), stack.settings().names())
                .region("eu-west-1");
        String topicArn = "arn:aws:sns:eu-west-1:123456789012:shop-test-events";

        assertThat(stack.named("aws:sns/topic:Topic", "shop-test-events").inputs)
                .containsEntry("kmsMasterKeyId", "alias/aws/sns")
                .doesNotContainKey("fifoTopic");
        assertThat(layout.subscriptions()).hasSize(4);
        for (QueueSubscription subscription : layout.subscriptions()) {
            String queueArn = "arn:aws:sqs:eu-west-1:123456789012:" + subscription.queueName();
            String dlqArn = "arn:aws:sqs:eu-west-1:123456789012:" + subscription.deadLetterQueueName();
            ResourceArgs queue = stack.named("aws:sqs/queue:Queue", subscription.queueName());
            Map<String, String> attributes = subscription.queueAttributes(dlqArn);
            assertThat(queue.inputs)
                    .contains(
                            entry("redrivePolicy", attributes.get("RedrivePolicy")),
                            entry("visibilityTimeoutSeconds", Double.valueOf(attributes.get("VisibilityTimeout"))),
                            entry(
                                    "receiveWaitTimeSeconds",
                                    Double.valueOf(attributes.get("ReceiveMessageWaitTimeSeconds"))),
                            entry("messageRetentionSeconds", Double.valueOf(attributes.get("MessageRetentionPeriod"))),
                            entry("sqsManagedSseEnabled", true));
            assertThat(stack.named("aws:sqs/queuePolicy:QueuePolicy", subscription.queueName()).inputs)
                    .containsEntry("policy", subscription.queuePolicy(queueArn, topicArn));
            assertThat(stack.named("aws:sqs/queuePolicy:QueuePolicy", subscription.deadLetterQueueName()).inputs)
                    .containsEntry("policy", subscription.deadLetterQueuePolicy(dlqArn));
            Map<String, String> subscriptionAttributes = subscription.subscriptionAttributes();
            assertThat(stack.named("aws:sns/topicSubscription:TopicSubscription", subscription.queueName()).inputs)
                    .contains(
                            entry("topic", topicArn),
                            entry("protocol", "sqs"),
                            entry("endpoint", queueArn),
                            entry("rawMessageDelivery", true),
                            entry("filterPolicyScope", subscriptionAttributes.get("FilterPolicyScope")),
                            entry("filterPolicy", subscription.filterPolicy().json()));
        }
    }

    @Test
    void observability_euWest1_alarmsOnProcessorHealthResidencyBlockedAndEveryTerminalQueue() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();

        assertThat(stack.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"))
                .extracting(r -> r.name)
                .containsExactlyInAnyOrder(
                        "shop-test-processor-iterator-age",
                        "shop-test-processor-errors",
                        "shop-test-processor-throttles",
                        "shop-test-residency-blocked",
                        "shop-test-quarantine-depth",
                        "shop-test-stream-failures-depth",
                        "shop-test-billing-dlq-depth",
                        "shop-test-order-cache-dlq-depth",
                        "shop-test-crm-sync-dlq-depth",
                        "shop-test-restock-dlq-depth");
        ResourceArgs blocked = stack.named("aws:cloudwatch/metricAlarm:MetricAlarm", "shop-test-residency-blocked");
        assertThat(blocked.inputs)
                .contains(
                        entry("namespace", "Distributary"),
                        entry("metricName", "ResidencyBlocked"),
                        entry("statistic", "Sum"),
                        entry("comparisonOperator", "GreaterThanThreshold"),
                        entry("threshold", 0.0),
                        entry("dimensions", Map.of("Region", "eu-west-1", "FunctionName", "shop-test-processor")));
        assertThat(stack.named("aws:cloudwatch/metricAlarm:MetricAlarm", "shop-test-crm-sync-dlq-depth").inputs)
                .contains(
                        entry("namespace", "AWS/SQS"),
                        entry("metricName", "ApproximateNumberOfMessagesVisible"),
                        entry("threshold", 0.0),
                        entry("dimensions", Map.of("QueueName", "shop-test-crm-sync-dlq")));
        assertThat(stack.named("aws:cloudwatch/metricAlarm:MetricAlarm", "shop-test-crm-sync-dlq-depth")
                        .inputs
                        .get("alarmDescription"))
                .as("a command that finds this stack's queue")
                .asString()
                .endsWith("(distributary redrive --region eu-west-1 --consumer crm-sync --environment test)");
        JsonNode dashboard = Stack.json(stack.named("aws:cloudwatch/dashboard:Dashboard", "shop-test-eu-west-1")
                .inputs
                .get("dashboardBody"));
        assertThat(dashboard.findValuesAsText("region")).containsOnly("eu-west-1");
        assertThat(dashboard.toString())
                .contains("\"ResidencyBlocked\"", "\"EndToEndLagMs\"", "\"IteratorAge\"", "\"shop-test-crm-sync-dlq\"");
    }

    @Test
    void alarms_errorsAndThrottles_fireOnAnyBreachingMinuteOfFive_iteratorAgeOnFiveOfFive() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();

        for (String alarm : List.of("shop-test-processor-errors", "shop-test-processor-throttles")) {
            assertThat(stack.named("aws:cloudwatch/metricAlarm:MetricAlarm", alarm).inputs)
                    .as(alarm)
                    .contains(entry("evaluationPeriods", 5.0), entry("datapointsToAlarm", 1.0));
        }
        assertThat(stack.named("aws:cloudwatch/metricAlarm:MetricAlarm", "shop-test-processor-iterator-age").inputs)
                .contains(entry("evaluationPeriods", 5.0), entry("datapointsToAlarm", 5.0));
        assertThat(stack.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"))
                .allSatisfy(alarm -> assertThat(alarm.inputs).as(alarm.name).containsKey("datapointsToAlarm"));
    }

    private static List<String> filterPatterns(ResourceArgs mapping) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> filters =
                (List<Map<String, Object>>) Stack.input(mapping, "filterCriteria", "filters");
        return filters.stream().map(f -> (String) f.get("pattern")).toList();
    }

    private static Map<String, Integer> union(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> all = new java.util.TreeMap<>(a);
        all.putAll(b);
        return all;
    }
}
