package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks.ResourceArgs;
import com.pulumi.test.PulumiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Least privilege, encryption and TLS, checked over every region's stack of both shipped platforms. */
class SecurityPostureTest {
    /** The only actions AWS gives no resource-level permissions for, among those the processor needs. */
    private static final Set<String> RESOURCELESS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** The six stacks, run once for the three checks (each run's registrations are plain data). */
    private static List<Named<Stack>> stacks;

    static synchronized Stream<Named<Stack>> everyStack() {
        if (stacks == null) {
            stacks = Stream.concat(Stack.everyRegion(Stack.PLATFORM).stream(), Stack.everyRegion(Stack.PRIMARY_REGION).stream())
                    .map(stack -> Named.of(stack.settings().topology().name() + " " + stack.settings().region(), stack)).toList();
        }
        return stacks.stream();
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyPolicy_anyStack_allowsNoWildcardActionAndAWildcardResourceOnlyForXRay(Stack stack) {
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
        assertThat(allows).as("Allow statements in " + stack.settings().region()).isNotEmpty().allSatisfy(statement -> {
            List<String> actions = texts(statement.get("Action"));
            assertThat(actions).noneMatch(action -> action.contains("*"));
            if (texts(statement.get("Resource")).contains("*")) {
                assertThat(RESOURCELESS).containsAll(actions);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyQueueAndTopic_anyStack_isEncryptedAndRefusesAccessWithoutTls(Stack stack) {
        List<ResourceArgs> queues = stack.ofType("aws:sqs/queue:Queue");
        assertThat(queues).isNotEmpty().allSatisfy(queue -> assertThat(queue.inputs).containsEntry("sqsManagedSseEnabled", true));
        List<String> queuePolicies = stack.ofType("aws:sqs/queuePolicy:QueuePolicy").stream().map(p -> p.name).toList();
        assertThat(queuePolicies).containsExactlyInAnyOrderElementsOf(queues.stream().map(q -> q.name).toList());
        stack.ofType("aws:sqs/queuePolicy:QueuePolicy").forEach(policy -> assertThat(deniesInsecureTransport(policy)).as(policy.name).isTrue());

        ResourceArgs topic = stack.ofType("aws:sns/topic:Topic").get(0);
        assertThat(topic.inputs).containsEntry("kmsMasterKeyId", "alias/aws/sns");
        assertThat(deniesInsecureTransport(stack.named("aws:sns/topicPolicy:TopicPolicy", topic.name))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("everyStack")
    void everyConsumerQueue_anyStack_redrivesToItsOwnDeadLetterQueueWhoseDepthIsAlarmed(Stack stack) {
        List<String> alarmed = stack.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> "ApproximateNumberOfMessagesVisible".equals(a.inputs.get("metricName")))
                .map(a -> ((Map<?, ?>) a.inputs.get("dimensions")).get("QueueName").toString()).toList();
        for (ResourceArgs queue : stack.ofType("aws:sqs/queue:Queue")) {
            Object redrive = queue.inputs.get("redrivePolicy");
            if (redrive == null) {
                assertThat(alarmed).as("a terminal queue (DLQ, quarantine, on-failure) is alarmed on its depth").contains(queue.name);
                continue;
            }
            String target = Stack.json(redrive).get("deadLetterTargetArn").asText();
            String dlqName = target.substring(target.lastIndexOf(':') + 1);
            assertThat(dlqName).isEqualTo(queue.name + "-dlq");
            assertThat(stack.named("aws:sqs/queue:Queue", dlqName).inputs).containsEntry("sqsManagedSseEnabled", true);
        }
        assertThat(stack.ofType("aws:sqs/queue:Queue")).filteredOn(q -> q.inputs.get("redrivePolicy") != null)
                .hasSize(stack.ofType("aws:sns/topicSubscription:TopicSubscription").size());
    }

    private static boolean deniesInsecureTransport(ResourceArgs policy) {
        JsonNode statements = Stack.json(policy.inputs.get("policy")).get("Statement");
        for (JsonNode statement : statements) {
            if (statement.get("Effect").asText().equals("Deny")
                    && "false".equals(statement.at("/Condition/Bool/aws:SecureTransport").asText())) {
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
