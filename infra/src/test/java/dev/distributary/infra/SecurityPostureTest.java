package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks.ResourceArgs;
import com.pulumi.test.PulumiTest;
import dev.distributary.infra.synth.OfflineCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege, encryption and TLS, checked over every region's stack of both shipped platforms:
 * no wildcard action; a wildcard resource only where AWS requires one; no resource policy grants
 * anything to the public; each consumer queue accepts messages only from its region's topic;
 * tables, queues and topics encrypted at rest; no queue or topic usable without TLS.
 */
class SecurityPostureTest {
    /** The only actions AWS gives no resource-level permissions for, among those the processor needs. */
    private static final Set<String> RESOURCELESS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static final Set<String> STREAM_READ = Set.of(
            "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** The six stacks, run once for the three checks (each run's registrations are plain data). */
    private static List<Named<Stack>> stacks;

    static synchronized Stream<Named<Stack>> everyStack() {
        if (stacks == null) {
            stacks = Stream.concat(
                            Stack.everyRegion(Stack.PLATFORM).stream(),
                            Stack.everyRegion(Stack.PRIMARY_REGION).stream())
                    .map(stack -> Named.of(
                            stack.settings().topology().name() + " "
                                    + stack.settings().region(),
                            stack))
                    .toList();
        }
        return stacks.stream();
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyPolicy_anyStack_allowsNoWildcardAction_andWildcardResourcesOnlyWhereAwsRequiresThem(Stack stack) {
        List<JsonNode> allows = allowStatements(stack);
        String region = stack.settings().region();
        String prefix = "arn:aws:";
        Set<String> logGroups = stack.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .map(g -> String.valueOf(g.inputs.get("name")))
                .collect(java.util.stream.Collectors.toSet());
        Set<String> mappedTables = stack.ofType("aws:lambda/eventSourceMapping:EventSourceMapping").stream()
                .map(m -> String.valueOf(m.inputs.get("eventSourceArn")))
                .map(arn -> arn.substring(arn.indexOf(":table/") + 7, arn.indexOf("/stream/")))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(allows).as("Allow statements in " + region).isNotEmpty().allSatisfy(statement -> {
            List<String> actions = texts(statement.get("Action"));
            assertThat(actions).noneMatch(action -> action.contains("*"));
            for (String resource : texts(statement.get("Resource"))) {
                if (!resource.contains("*")) {
                    continue;
                }
                if (resource.equals("*")) {
                    assertThat(RESOURCELESS)
                            .as("only X-Ray's trace APIs have no resource-level permissions")
                            .containsAll(actions);
                } else if (resource.contains(":logs:")) {
                    // Lambda names the log streams at run time: the streams of the function's own log group.
                    assertThat(logGroups.stream()
                                    .map(g -> prefix + "logs:" + region + ":" + OfflineCloud.ACCOUNT + ":log-group:" + g
                                            + ":*"))
                            .contains(resource);
                    assertThat(actions).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
                } else {
                    // DynamoDB names a stream with a label when it is enabled: the streams of the tables mapped here
                    // (AWS's own example policy).
                    assertThat(mappedTables.stream()
                                    .map(t -> prefix + "dynamodb:" + region + ":" + OfflineCloud.ACCOUNT + ":table/" + t
                                            + "/stream/*"))
                            .contains(resource);
                    assertThat(STREAM_READ).containsAll(actions);
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyResourcePolicy_anyStack_grantsNothingToThePublic_andTheRoleOnlyToLambda(Stack stack) {
        List<ResourceArgs> policies = new ArrayList<>(stack.ofType("aws:sqs/queuePolicy:QueuePolicy"));
        policies.addAll(stack.ofType("aws:sns/topicPolicy:TopicPolicy"));
        assertThat(policies)
                .isNotEmpty()
                .allSatisfy(policy -> Stack.json(policy.inputs.get("policy"))
                        .get("Statement")
                        .forEach(statement -> {
                            if (isPublic(statement.get("Principal"))) {
                                assertThat(statement.get("Effect").asText())
                                        .as(policy.name + ": a statement for everyone may only deny")
                                        .isEqualTo("Deny");
                            } else {
                                assertThat(statement.at("/Principal/Service").isTextual())
                                        .as(policy.name + ": an Allow names an AWS service")
                                        .isTrue();
                            }
                        }));
        stack.ofType("aws:iam/role:Role")
                .forEach(role -> Stack.json(role.inputs.get("assumeRolePolicy"))
                        .get("Statement")
                        .forEach(statement -> {
                            assertThat(statement.at("/Principal/Service").asText())
                                    .isEqualTo("lambda.amazonaws.com");
                            assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRole");
                        }));
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyConsumerQueue_anyStack_acceptsMessagesOnlyFromItsRegionsTopic(Stack stack) {
        ResourceArgs topic = stack.ofType("aws:sns/topic:Topic").get(0);
        String topicArn = "arn:aws:sns:" + stack.settings().region() + ":" + OfflineCloud.ACCOUNT + ":"
                + topic.inputs.getOrDefault("name", topic.name);
        int bound = 0;
        for (ResourceArgs policy : stack.ofType("aws:sqs/queuePolicy:QueuePolicy")) {
            String queueArn =
                    "arn:aws:sqs:" + stack.settings().region() + ":" + OfflineCloud.ACCOUNT + ":" + policy.name;
            for (JsonNode statement : Stack.json(policy.inputs.get("policy")).get("Statement")) {
                assertThat(statement.get("Resource").asText())
                        .as(policy.name + " speaks only of its own queue")
                        .isEqualTo(queueArn);
                if (statement.get("Effect").asText().equals("Allow")) {
                    bound++;
                    assertThat(statement.at("/Principal/Service").asText()).isEqualTo("sns.amazonaws.com");
                    assertThat(texts(statement.get("Action"))).containsExactly("sqs:SendMessage");
                    assertThat(statement
                                    .at("/Condition/ArnEquals/aws:SourceArn")
                                    .asText())
                            .as(policy.name + " is bound to the region's topic")
                            .isEqualTo(topicArn);
                }
            }
        }
        assertThat(bound)
                .as("one binding per subscribed queue")
                .isEqualTo(stack.ofType("aws:sns/topicSubscription:TopicSubscription")
                        .size());
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyTable_anyStack_isEncryptedAtRest(Stack stack) {
        List<ResourceArgs> tables = stack.ofType("aws:dynamodb/table:Table");
        assertThat(tables)
                .allSatisfy(table -> assertThat(Stack.input(table, "serverSideEncryption", "enabled"))
                        .as(table.name)
                        .isEqualTo(true));
        assertThat(stack.ofType("aws:dynamodb/tableReplica:TableReplica"))
                .allSatisfy(replica -> assertThat(replica.inputs.get("kmsKeyArn"))
                        .as(replica.name + " keeps the table's AWS-managed key")
                        .isNull());
        if (stack.settings()
                .topology()
                .processingRegions()
                .contains(stack.settings().region())) {
            assertThat(tables).as("the idempotency table at least").isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyQueueAndTopic_anyStack_isEncryptedAndRefusesAccessWithoutTls(Stack stack) {
        List<ResourceArgs> queues = stack.ofType("aws:sqs/queue:Queue");
        assertThat(queues)
                .isNotEmpty()
                .allSatisfy(queue -> assertThat(queue.inputs).containsEntry("sqsManagedSseEnabled", true));
        List<String> queuePolicies = stack.ofType("aws:sqs/queuePolicy:QueuePolicy").stream()
                .map(p -> p.name)
                .toList();
        assertThat(queuePolicies)
                .containsExactlyInAnyOrderElementsOf(
                        queues.stream().map(q -> q.name).toList());
        stack.ofType("aws:sqs/queuePolicy:QueuePolicy")
                .forEach(policy -> assertThat(deniesInsecureTransport(policy))
                        .as(policy.name)
                        .isTrue());

        ResourceArgs topic = stack.ofType("aws:sns/topic:Topic").get(0);
        assertThat(topic.inputs).containsEntry("kmsMasterKeyId", "alias/aws/sns");
        assertThat(deniesInsecureTransport(stack.named("aws:sns/topicPolicy:TopicPolicy", topic.name)))
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyConsumerQueue_anyStack_redrivesToItsOwnDeadLetterQueueWhoseDepthIsAlarmed(Stack stack) {
        List<String> alarmed = stack.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> "ApproximateNumberOfMessagesVisible".equals(a.inputs.get("metricName")))
                .map(a -> ((Map<?, ?>) a.inputs.get("dimensions"))
                        .get("QueueName")
                        .toString())
                .toList();
        for (ResourceArgs queue : stack.ofType("aws:sqs/queue:Queue")) {
            Object redrive = queue.inputs.get("redrivePolicy");
            if (redrive == null) {
                assertThat(alarmed)
                        .as("a terminal queue (DLQ, quarantine, on-failure) is alarmed on its depth")
                        .contains(queue.name);
                continue;
            }
            String target = Stack.json(redrive).get("deadLetterTargetArn").asText();
            String dlqName = target.substring(target.lastIndexOf(':') + 1);
            assertThat(dlqName).isEqualTo(queue.name + "-dlq");
            assertThat(stack.named("aws:sqs/queue:Queue", dlqName).inputs).containsEntry("sqsManagedSseEnabled", true);
        }
        assertThat(stack.ofType("aws:sqs/queue:Queue"))
                .filteredOn(q -> q.inputs.get("redrivePolicy") != null)
                .hasSize(stack.ofType("aws:sns/topicSubscription:TopicSubscription")
                        .size());
    }

    private static List<JsonNode> allowStatements(Stack stack) {
        List<JsonNode> allows = new ArrayList<>();
        for (ResourceArgs resource : stack.resources()) {
            for (String key : List.of("policy", "assumeRolePolicy")) {
                Object document = resource.inputs.get(key);
                if (document instanceof String text && text.contains("\"Statement\"")) {
                    Stack.json(text).get("Statement").forEach(statement -> {
                        if (statement.get("Effect").asText().equals("Allow")) {
                            allows.add(statement);
                        }
                    });
                }
            }
        }
        return allows;
    }

    private static boolean isPublic(JsonNode principal) {
        return principal != null
                && (principal.isTextual() && principal.asText().equals("*")
                        || principal.path("AWS").asText("").equals("*"));
    }

    private static boolean deniesInsecureTransport(ResourceArgs policy) {
        JsonNode statements = Stack.json(policy.inputs.get("policy")).get("Statement");
        for (JsonNode statement : statements) {
            if (statement.get("Effect").asText().equals("Deny")
                    && "false"
                            .equals(statement
                                    .at("/Condition/Bool/aws:SecureTransport")
                                    .asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values; // a trust policy names a principal, not a resource
        }
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
