package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks.ResourceArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish ledger in the stack: the event source mapping's tumbling window (the checkpoint
 * ledger needs the shard ID Lambda passes with it) and exactly the idempotency-table actions each
 * ledger calls.
 */
class ProcessorLedgerStackTest {

    @Test
    void shippedPlatform_usesTheCheckpointLedger_withATumblingWindow_andGetItemAndPutItemOnly() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();

        assertThat(stack.ofType("aws:lambda/eventSourceMapping:EventSourceMapping"))
                .isNotEmpty()
                .allSatisfy(mapping -> assertThat(((Number) Stack.input(mapping, "tumblingWindowInSeconds")).intValue())
                        .isEqualTo(900));
        assertThat(actions(stack, "shop-test-processor-eu-west-1", "IdempotencyRecords"))
                .containsExactly("dynamodb:GetItem", "dynamodb:PutItem");
    }

    @Test
    void perRecordLedger_hasNoTumblingWindow_andMayBatchWriteItsCompletions(@TempDir Path dir) throws IOException {
        Path platform = dir.resolve("platform.yaml");
        Files.writeString(
                platform,
                Files.readString(Stack.PLATFORM).replace("parallelizationFactor: 1", "parallelizationFactor: 2"));

        Stack stack = Stack.run(platform, "eu-west-1").succeeded();

        assertThat(stack.ofType("aws:lambda/eventSourceMapping:EventSourceMapping"))
                .isNotEmpty()
                .allSatisfy(mapping -> assertThat(((Number) Stack.input(mapping, "tumblingWindowInSeconds")).intValue())
                        .isZero());
        assertThat(actions(stack, "shop-test-processor-eu-west-1", "IdempotencyRecords"))
                .contains(
                        "dynamodb:BatchWriteItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:PutItem",
                        "dynamodb:GetItem");
    }

    @Test
    void startUpPriming_isGrantedItsReadsOfTheTopicsAndTheQuarantineQueue() {
        Stack stack = Stack.run(Stack.PLATFORM, "eu-west-1").succeeded();

        assertThat(actions(stack, "shop-test-processor-eu-west-1", "PrimeTopicClients"))
                .containsExactly("sns:GetTopicAttributes");
        assertThat(actions(stack, "shop-test-processor-eu-west-1", "PrimeQueueClient"))
                .containsExactly("sqs:GetQueueAttributes");
    }

    private static List<String> actions(Stack stack, String policyName, String sid) {
        ResourceArgs policy = stack.named("aws:iam/rolePolicy:RolePolicy", policyName);
        JsonNode statement = StreamSupport.stream(
                        Stack.json(policy.inputs.get("policy")).get("Statement").spliterator(), false)
                .filter(s -> s.get("Sid").asText().equals(sid))
                .findFirst()
                .orElseThrow(() -> new AssertionError(policyName + " has no statement " + sid));
        List<String> actions = new ArrayList<>();
        statement.get("Action").forEach(action -> actions.add(action.asText()));
        return actions;
    }
}
