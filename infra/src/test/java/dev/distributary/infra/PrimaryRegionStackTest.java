package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks.ResourceArgs;
import com.pulumi.test.PulumiTest;
import dev.distributary.infra.synth.OfflineCloud;
import dev.distributary.replication.FilterPatterns;
import dev.distributary.topology.ProcessorEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/primary-region.yaml: only the primary (eu-west-1) processes, and publishes to the other regions' topics. */
class PrimaryRegionStackTest {
    private static final String ESM = "aws:lambda/eventSourceMapping:EventSourceMapping";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void primaryRegionMode_onlyThePrimaryHasAProcessorAndEventSourceMappings() {
        Stack primary = Stack.run(Stack.PRIMARY_REGION, "eu-west-1").succeeded();
        Stack central = Stack.run(Stack.PRIMARY_REGION, "eu-central-1").succeeded();
        Stack us = Stack.run(Stack.PRIMARY_REGION, "us-east-1").succeeded();

        assertThat(primary.ofType(ESM))
                .extracting(r -> r.name)
                .containsExactlyInAnyOrder(
                        "shop-primary-test-processor-orders", "shop-primary-test-processor-eu-customers");
        assertThat(primary.ofType(ESM))
                .allSatisfy(mapping -> assertThat(mapping.inputs.get("eventSourceArn"))
                        .as("the table made in this stack")
                        .isEqualTo(OfflineCloud.streamArn(
                                "eu-west-1", mapping.name.substring("shop-primary-test-processor-".length()))));
        for (Stack other : List.of(central, us)) {
            assertThat(other.counts())
                    .as(other.settings().region())
                    .doesNotContainKeys(
                            ESM,
                            "aws:lambda/function:Function",
                            "aws:iam/role:Role",
                            "distributary:infra:RegionalProcessor",
                            "distributary:infra:GlobalTables",
                            "aws:dynamodb/table:Table");
            assertThat(other.calls()).as("no lookups without a processor").isEmpty();
            assertThat(other.ofType("aws:cloudwatch/metricAlarm:MetricAlarm"))
                    .extracting(r -> r.name)
                    .allMatch(name -> name.endsWith("-dlq-depth"));
        }
        assertThat(central.counts())
                .containsEntry("aws:sqs/queue:Queue", 4)
                .containsEntry("aws:sns/topicSubscription:TopicSubscription", 2);
        assertThat(us.counts())
                .containsEntry("aws:sqs/queue:Queue", 2)
                .containsEntry("aws:sns/topicSubscription:TopicSubscription", 1);
        assertThat(primary.counts())
                .containsEntry("aws:sqs/queue:Queue", 8)
                .containsEntry("aws:dynamodb/tableReplica:TableReplica", 3)
                .containsEntry("aws:dynamodb/table:Table", 3);
    }

    @Test
    void primaryRegionMode_primaryFilterCriteria_areReplicationFiltersForThePrimary() {
        Stack primary = Stack.run(Stack.PRIMARY_REGION, "eu-west-1").succeeded();

        for (String table : List.of("orders", "eu-customers")) {
            List<String> expected = FilterPatterns.forRegion(primary.settings().topology(), table, "eu-west-1");
            ResourceArgs mapping = primary.named(ESM, "shop-primary-test-processor-" + table);
            assertThat(patterns(mapping)).as(table).isEqualTo(expected);
        }
        assertThat(patterns(primary.named(ESM, "shop-primary-test-processor-eu-customers")))
                .hasSize(5);
    }

    @Test
    void primaryRegionMode_primaryMayPublishToEveryRegionWhoseConsumersTakeAPermittedTable() {
        Stack primary = Stack.run(Stack.PRIMARY_REGION, "eu-west-1").succeeded();

        assertThat(publishResources(primary))
                .containsExactly(
                        "arn:aws:sns:eu-west-1:123456789012:shop-primary-test-events",
                        "arn:aws:sns:eu-central-1:123456789012:shop-primary-test-events",
                        "arn:aws:sns:us-east-1:123456789012:shop-primary-test-events");
        @SuppressWarnings("unchecked")
        Map<String, String> environment = (Map<String, String>) Stack.input(
                primary.named("aws:lambda/function:Function", "shop-primary-test-processor"),
                "environment",
                "variables");
        assertThat(ProcessorEnvironment.parseTopics(environment.get(ProcessorEnvironment.TOPICS)))
                .containsOnlyKeys("eu-west-1", "eu-central-1", "us-east-1");
        assertThat(primary.calls()).extracting(c -> c.token).containsExactly(OfflineCloud.CALLER_IDENTITY);
    }

    @Test
    void primaryRegionMode_regionWithoutConsumersOfAnyTable_getsNoPublishRight(@TempDir Path dir) throws IOException {
        Path platform = dir.resolve("platform.yaml");
        String original = Files.readString(Stack.PRIMARY_REGION);
        String orderCache = "    - name: order-cache\n      tables: [orders]\n";
        assertThat(original).contains(orderCache);
        Files.writeString(
                platform,
                original.replace(
                        orderCache,
                        "    - name: order-cache\n      regions: [eu-west-1, eu-central-1]\n      tables: [orders]\n"));

        Stack primary = Stack.run(platform, "eu-west-1").succeeded();

        assertThat(publishResources(primary))
                .containsExactly(
                        "arn:aws:sns:eu-west-1:123456789012:shop-primary-test-events",
                        "arn:aws:sns:eu-central-1:123456789012:shop-primary-test-events");
    }

    private static List<String> publishResources(Stack stack) {
        JsonNode policy =
                Stack.json(stack.named("aws:iam/rolePolicy:RolePolicy", "shop-primary-test-processor-eu-west-1")
                        .inputs
                        .get("policy"));
        JsonNode publish = StreamSupport.stream(policy.get("Statement").spliterator(), false)
                .filter(s -> s.get("Action").toString().contains("sns:Publish"))
                .findFirst()
                .orElseThrow();
        assertThat(publish.get("Action")).hasSize(1);
        List<String> resources = new ArrayList<>();
        publish.get("Resource").forEach(r -> resources.add(r.asText()));
        return resources;
    }

    private static List<String> patterns(ResourceArgs mapping) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> filters =
                (List<Map<String, Object>>) Stack.input(mapping, "filterCriteria", "filters");
        return filters == null
                ? List.of()
                : filters.stream().map(f -> (String) f.get("pattern")).toList();
    }
}
