package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The processor against a real (moto) topic, queues with filter policies, idempotency table and quarantine queue. */
@MotoTest
class ProcessorOnMotoTest {
    private static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients aws;
    private final MotoServer moto;
    private final FailingPublishBatch faults = new FailingPublishBatch();
    private ProvisionedRegion fanout;
    private String quarantineUrl;

    ProcessorOnMotoTest(AwsClients aws, MotoServer moto) {
        this.aws = aws;
        this.moto = moto;
    }

    @BeforeEach
    void provision() {
        moto.reset();
        fanout = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION))
                .provision(FanoutLayout.of(SHIPPED).region(REGION));
        quarantineUrl =
                aws.sqs(REGION).createQueue(b -> b.queueName("shop-quarantine")).queueUrl();
        aws.dynamoDb(REGION)
                .createTable(b -> b.tableName("shop-idempotency")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                                .keyType(KeyType.HASH)
                                .build()));
    }

    /** The function's configuration on this test's moto. */
    private ProcessorConfig config() {
        return new ProcessorConfig(
                REGION,
                "shop-processor",
                SHIPPED,
                Map.of(REGION, fanout.topicArn()),
                quarantineUrl,
                "shop-idempotency",
                false);
    }

    /** The processor with the given ledger, on this test's moto; each call is a fresh function instance. */
    private StreamProcessor processor(IdempotencyLedger ledger) {
        SnsClient sns = aws.configure(SnsClient.builder(), REGION)
                .httpClient(aws.httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(faults))
                .build();
        return new StreamProcessor(
                config(),
                new SnsPublisher(sns)::publish,
                Ledgers.onDynamoDb(
                        ledger, aws.dynamoDb(REGION), "shop-idempotency", "shop-processor", Duration.ofHours(25)),
                new SqsQuarantine(aws.sqs(REGION), quarantineUrl),
                ProcessorMetrics.NONE,
                Clock.systemUTC());
    }

    private List<JsonNode> drain(String queueUrl) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = aws.sqs(REGION)
                    .receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(JSON.readTree(message.body()));
                aws.sqs(REGION).deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private List<String> ids(String consumer) throws Exception {
        return drain(fanout.requireQueue(consumer).queueUrl()).stream()
                .map(body -> body.get("id").asText())
                .toList();
    }

    /**
     * Priming warms the write calls a first batch makes (the ledger's conditional PutItem, PublishBatch)
     * with requests that change nothing: a condition that cannot hold, a batch with no entries.
     */
    @Test
    void priming_writeCallsIssued_writesNothingAndPublishesNothing() throws Exception {
        Processors.pointTheSdkAt(aws.endpoint());
        List<CallRecorder.Call> calls = CallRecorder.listen();
        try {
            Priming.prime(new ProcessorClients(config()));
        } finally {
            CallRecorder.stop();
            Processors.unpointTheSdk();
        }

        assertThat(calls).extracting(CallRecorder.Call::operation).contains("PutItem", "PublishBatch");
        assertThat(aws.dynamoDb(REGION)
                        .scan(b -> b.tableName("shop-idempotency"))
                        .count())
                .as("items in the idempotency table")
                .isZero();
        for (var queue : fanout.queues()) {
            assertThat(drain(queue.queueUrl())).as(queue.consumer()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(IdempotencyLedger.class)
    void batch_reachesExactlyTheQueuesWhoseFiltersAndOriginScopeAccept(IdempotencyLedger ledger) throws Exception {
        BatchResult result =
                processor(ledger).process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(result.retryFrom()).isEmpty();
        assertThat(ids("billing")).containsExactlyInAnyOrder("e-local-insert", "e-local-modify");
        assertThat(ids("order-cache"))
                .containsExactlyInAnyOrder("e-local-insert", "e-replica-modify", "e-local-tombstone", "e-local-modify");
        assertThat(drain(quarantineUrl)).singleElement().satisfies(message -> {
            assertThat(message.get("reason").asText()).startsWith("residency: class 'eu-personal'");
            assertThat(message.get("eventId").asText()).isEqualTo("e-residency");
            assertThat(message.get("recordWithheld").asBoolean()).isTrue();
            assertThat(message.has("record"))
                    .as("an eu-personal record's attribute values stay out of us-east-1's queue")
                    .isFalse();
        });
    }

    @ParameterizedTest
    @EnumSource(IdempotencyLedger.class)
    void sameBatchDeliveredTwice_publishesEachEventOnce(IdempotencyLedger ledger) throws Exception {
        processor(ledger).process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);
        BatchResult replay =
                processor(ledger).process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(replay.outcomes())
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(RecordOutcome.Skipped.class));
        assertThat(ids("order-cache")).hasSize(4).doesNotHaveDuplicates();
        assertThat(ids("billing")).hasSize(2);
        assertThat(drain(quarantineUrl)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(IdempotencyLedger.class)
    void throttledPublish_reportsTheFailedRecord_andTheRetryDeliversItWithoutDuplicates(IdempotencyLedger ledger)
            throws Exception {
        faults.fail("e-local-tombstone");

        BatchResult first =
                processor(ledger).process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);
        faults.heal();
        BatchResult retry =
                processor(ledger).process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(first.retryFrom()).contains("1003");
        assertThat(retry.retryFrom()).isEmpty();
        assertThat(ids("order-cache"))
                .containsExactlyInAnyOrder("e-local-insert", "e-replica-modify", "e-local-tombstone", "e-local-modify");
        assertThat(ids("billing")).containsExactlyInAnyOrder("e-local-insert", "e-local-modify");
        assertThat(drain(quarantineUrl)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(IdempotencyLedger.class)
    void poisonRecord_reachesTheQuarantineWithItsFullPayload_whileItsNeighboursArePublished(IdempotencyLedger ledger)
            throws Exception {
        BatchResult result =
                processor(ledger).process(Processors.SHARD, event("orders-us-east-1-poison.json"), () -> 60_000);

        assertThat(result.retryFrom()).isEmpty();
        assertThat(ids("billing")).containsExactlyInAnyOrder("e-before", "e-after");
        assertThat(drain(quarantineUrl)).singleElement().satisfies(message -> {
            assertThat(message.get("reason").asText())
                    .isEqualTo("malformed: dynamodb.NewImage.total.N is not a number");
            assertThat(message.at("/record/dynamodb/NewImage/pk/S").asText()).isEqualTo("p-2");
            assertThat(message.at("/record/eventSourceARN").asText()).contains(":table/orders/stream/");
        });
    }
}
