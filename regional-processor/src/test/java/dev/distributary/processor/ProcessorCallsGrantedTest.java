package dev.distributary.processor;

import static dev.distributary.processor.Processors.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.IdempotencyLedger;
import dev.distributary.topology.PlatformTables;
import dev.distributary.topology.ProcessorPermissions;
import dev.distributary.topology.ProcessorPermissions.Resources;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every AWS call the processor's code makes is allowed by the permissions its role is written
 * from ({@link ProcessorPermissions}, which infra turns into the role policy): the calls are not
 * listed here but recorded while the function's own clients run its code paths — start-up priming,
 * publishing, quarantine, redelivery, and a throttled publish with its retry — for each ledger.
 * moto enforces no IAM, so without this a missing grant would pass every local test and fail on AWS.
 */
@MotoTest
class ProcessorCallsGrantedTest {
    private static final String REGION = "us-east-1";

    private final AwsClients aws;
    private final MotoServer moto;
    private final FailingPublishBatch throttle = new FailingPublishBatch();

    ProcessorCallsGrantedTest(AwsClients aws, MotoServer moto) {
        this.aws = aws;
        this.moto = moto;
    }

    @BeforeEach
    void pointTheSdkAtMoto() {
        moto.reset();
        Processors.pointTheSdkAt(aws.endpoint());
    }

    @AfterEach
    void restore() {
        CallRecorder.stop();
        Processors.unpointTheSdk();
    }

    @ParameterizedTest
    @EnumSource(IdempotencyLedger.class)
    void everyCallOfEveryCodePath_isGrantedByTheRolesPermissions(IdempotencyLedger ledger) throws Exception {
        Topology topology = TopologyLoader.parse(
                Files.readString(Path.of("..", "platform.yaml"))
                        .replace(
                                "idempotencyExpirySeconds: 90000",
                                "idempotencyExpirySeconds: 90000\n  idempotency: " + ledger.yamlName()),
                "platform.yaml");
        ProcessorConfig config = provision(topology);
        List<CallRecorder.Call> calls = CallRecorder.listen();

        ProcessorClients clients = new ProcessorClients(config);
        Priming.prime(clients);
        StreamProcessor processor = clients.processor(Clock.systemUTC());
        processor.process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);
        processor.process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);
        throttle.fail("e-after");
        processor.process(Processors.SHARD, event("orders-us-east-1-poison.json"), () -> 60_000);
        throttle.heal();
        processor.process(Processors.SHARD, event("orders-us-east-1-poison.json"), () -> 60_000);
        CallRecorder.stop();

        Map<Resources, Set<String>> granted = ProcessorPermissions.of(topology.processor()).stream()
                .collect(Collectors.groupingBy(
                        ProcessorPermissions.Permission::resources,
                        Collectors.flatMapping(permission -> permission.actions().stream(), Collectors.toSet())));
        assertThat(calls).as("the code paths ran").isNotEmpty();
        for (CallRecorder.Call call : calls) {
            Resources resource = resourceOf(call, config);
            assertThat(granted.getOrDefault(resource, Set.of()))
                    .as(call + " on " + resource)
                    .contains(action(call));
        }
        Set<String> issued =
                calls.stream().map(ProcessorCallsGrantedTest::action).collect(Collectors.toSet());
        assertThat(issued)
                .as("the recording saw the ledger's own calls")
                .contains("dynamodb:GetItem", "dynamodb:PutItem");
        if (ledger == IdempotencyLedger.PER_RECORD) {
            assertThat(issued).contains("dynamodb:BatchWriteItem", "dynamodb:DeleteItem");
        }
    }

    /** The IAM action that authorises a call: the batch APIs are authorised by their single-entry actions. */
    private static String action(CallRecorder.Call call) {
        String operation = switch (call.operation()) {
            case "PublishBatch" -> "Publish";
            case "SendMessageBatch" -> "SendMessage";
            default -> call.operation();
        };
        return call.service() + ":" + operation;
    }

    private static Resources resourceOf(CallRecorder.Call call, ProcessorConfig config) {
        String named = call.resource()
                .orElseThrow(() -> new AssertionError(call + " names no resource the role could be scoped to"));
        if (named.equals(config.idempotencyTable())) {
            return Resources.IDEMPOTENCY_TABLE;
        }
        if (named.equals(config.quarantineQueueUrl())) {
            return Resources.QUARANTINE_QUEUE;
        }
        if (config.topics().containsValue(named)) {
            return Resources.PUBLISH_TOPICS;
        }
        throw new AssertionError(call + " is on a resource the processor has no business with");
    }

    private ProcessorConfig provision(Topology topology) {
        String topic = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION))
                .provision(FanoutLayout.of(topology).region(REGION))
                .topicArn();
        String quarantine =
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
        CallRecorder.throttling(throttle);
        return new ProcessorConfig(
                REGION, "shop-processor", topology, Map.of(REGION, topic), quarantine, "shop-idempotency", false);
    }
}
