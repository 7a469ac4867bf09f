package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.pulumi.test.PulumiTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** examples/fifo.yaml: fanout's FIFO attributes reach the topic and every queue. */
class FifoStackTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void fifoFanout_anyRegion_declaresAFifoTopicAndFifoQueuesWithoutContentBasedDeduplication() {
        Stack stack = Stack.run(Path.of("../examples/fifo.yaml"), "us-west-2").succeeded();

        assertThat(stack.named("aws:sns/topic:Topic", "ledger-test-events.fifo").inputs)
                .contains(
                        entry("fifoTopic", true),
                        entry("contentBasedDeduplication", false),
                        entry("kmsMasterKeyId", "alias/aws/sns"));
        assertThat(stack.ofType("aws:sqs/queue:Queue"))
                .filteredOn(q -> q.name.endsWith(".fifo"))
                .extracting(q -> q.name)
                .containsExactlyInAnyOrder("ledger-test-statements.fifo", "ledger-test-statements-dlq.fifo");
        assertThat(stack.ofType("aws:sqs/queue:Queue"))
                .filteredOn(q -> q.name.endsWith(".fifo"))
                .allSatisfy(q -> assertThat(q.inputs)
                        .contains(entry("fifoQueue", true), entry("contentBasedDeduplication", false)));
        assertThat(stack.named("aws:lambda/eventSourceMapping:EventSourceMapping", "ledger-test-processor-accounts")
                        .inputs)
                .containsEntry("parallelizationFactor", 4.0)
                .containsEntry("batchSize", 50.0);
    }
}
