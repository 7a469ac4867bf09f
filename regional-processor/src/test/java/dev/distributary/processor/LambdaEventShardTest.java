package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.distributary.processor.internal.aws.LambdaRecords;
import org.junit.jupiter.api.Test;

/**
 * The batch's shard, read from the event as the Lambda runtime maps it (aws-lambda-java-tests'
 * {@code EventLoader} uses the runtime's own serialization).
 */
class LambdaEventShardTest {

    @Test
    void eventOfAMappingWithATumblingWindow_namesItsShard() {
        DynamodbTimeWindowEvent event =
                EventLoader.loadEvent("events/orders-us-east-1-window.json", DynamodbTimeWindowEvent.class);

        assertThat(LambdaRecords.shard(event))
                .contains(new StreamShard(
                        "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000",
                        "shardId-00000001795687200000-abcdef12"));
        assertThat(event.getRecords()).hasSize(2);
    }

    @Test
    void eventWithoutAWindow_namesNoShard() {
        DynamodbTimeWindowEvent event =
                EventLoader.loadEvent("events/orders-us-east-1-batch.json", DynamodbTimeWindowEvent.class);

        assertThat(LambdaRecords.shard(event)).isEmpty();
    }
}
