package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.processor.idempotency.Ledgers;
import dev.distributary.processor.internal.aws.SqsQuarantine;
import dev.distributary.topology.IdempotencyLedger;
import dev.distributary.topology.PlatformTables;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;

/** What one batch of 100 first-time changes costs in requests: the budget is 0.11 SNS requests and 2 idempotency writes per event. */
@MotoTest
class ProcessorCostTest {
    private static final String REGION = "us-east-1";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    /** A processor on moto whose SNS and DynamoDB calls are counted by operation. */
    private StreamProcessor processor(AwsClients aws, IdempotencyLedger ledger) {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.computeIfAbsent(
                                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder())
                        .increment();
            }
        };
        String topic = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION))
                .provision(FanoutLayout.of(SHIPPED).region(REGION))
                .topicArn();
        String quarantine =
                aws.sqs(REGION).createQueue(b -> b.queueName("cost-quarantine")).queueUrl();
        String table = "cost-idempotency-" + ledger.yamlName();
        aws.dynamoDb(REGION)
                .createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                                .keyType(KeyType.HASH)
                                .build()));
        SnsClient sns = aws.configure(SnsClient.builder(), REGION)
                .httpClient(aws.httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();
        DynamoDbClient dynamo = aws.configure(DynamoDbClient.builder(), REGION)
                .httpClient(aws.httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();
        ProcessorConfig config =
                new ProcessorConfig(REGION, "shop-processor", SHIPPED, Map.of(REGION, topic), quarantine, table, false);
        return new StreamProcessor(
                config,
                new SnsPublisher(sns)::publish,
                Ledgers.onDynamoDb(ledger, dynamo, table, "shop-processor", Duration.ofHours(25)),
                new SqsQuarantine(aws.sqs(REGION), quarantine),
                ProcessorMetrics.NONE,
                Clock.systemUTC());
    }

    private long calls(String operation) {
        return calls.getOrDefault(operation, new LongAdder()).sum();
    }

    @Test
    void batchOfOneHundredLocalInserts_withThePerRecordLedger_costsTenPublishBatchCalls_andTwoIdempotencyWritesPerEvent(
            AwsClients aws) {
        BatchResult result =
                processor(aws, IdempotencyLedger.PER_RECORD).process(Processors.SHARD, inserts(100), () -> 60_000);

        assertThat(result.count(RecordOutcome.Published.class)).isEqualTo(100);
        assertThat(calls("PublishBatch") / 100.0).isLessThanOrEqualTo(0.11);
        assertThat(calls("PublishBatch")).isEqualTo(10);
        assertThat(calls("PutItem")).isEqualTo(100);
        assertThat(calls("BatchWriteItem"))
                .as("one BatchWriteItem per ten published")
                .isEqualTo(10);
        assertThat(calls).doesNotContainKeys("UpdateItem", "DeleteItem");
        // Each claim writes one item and each completion rewrites it once: two writes per event.
        assertThat((calls("PutItem") + 100) / 100.0).isLessThanOrEqualTo(2.0);
    }

    @Test
    void batchOfOneHundredLocalInserts_withTheCheckpointLedger_costsOneReadAndOneCheckpointWritePerPublishBatch(
            AwsClients aws) {
        BatchResult result =
                processor(aws, IdempotencyLedger.CHECKPOINT).process(Processors.SHARD, inserts(100), () -> 60_000);

        assertThat(result.count(RecordOutcome.Published.class)).isEqualTo(100);
        assertThat(calls("PublishBatch")).isEqualTo(10);
        assertThat(calls("GetItem")).as("the checkpoint, read once").isEqualTo(1);
        assertThat(calls("PutItem"))
                .as("one conditional checkpoint write per chunk of ten")
                .isEqualTo(10);
        assertThat(calls).doesNotContainKeys("BatchWriteItem", "UpdateItem", "DeleteItem");
        assertThat(calls("PutItem") / 100.0)
                .as("idempotency write requests per processed record")
                .isLessThanOrEqualTo(0.12);
    }

    /** One hundred local inserts of about 1 KB each, as us-east-1's stream holds them. */
    static List<ObjectNode> inserts(int count) {
        ChangeRecords stream = ChangeRecords.in(REGION, "orders");
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var keys = Items.of("pk", AttributeValue.s("order-" + i), "sk", AttributeValue.s("v0"));
            var image = Items.stamped(
                    Items.with(
                            keys,
                            "entityType",
                            AttributeValue.s("order"),
                            "status",
                            AttributeValue.s("PLACED"),
                            "notes",
                            AttributeValue.s("x".repeat(900))),
                    REGION,
                    1_795_687_200_000L + i);
            records.add(StreamRecordJson.write(stream.insert(keys, image)));
        }
        return records;
    }
}
