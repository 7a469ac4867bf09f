package dev.distributary.local.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

@MotoTest
class ProxyTest {

    @Test
    void callsThroughTheProxy_reachTheEmulator_andAreCountedPerServiceAndOperation(MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients aws = new AwsClients(proxy.endpoint())) {
            String url = aws.sqs("eu-west-1")
                    .createQueue(b -> b.queueName("through-proxy"))
                    .queueUrl();
            aws.sqs("eu-west-1").sendMessage(b -> b.queueUrl(url).messageBody("hello"));
            aws.sns("eu-west-1").createTopic(b -> b.name("t"));
            aws.dynamoDb("eu-west-1").listTables();

            assertThat(aws.sqs("eu-west-1").receiveMessage(b -> b.queueUrl(url)).messages())
                    .extracting(m -> m.body())
                    .containsExactly("hello");
            assertThat(proxy.calls()).containsEntry("sns", java.util.Map.of("CreateTopic", 1L));
            assertThat(proxy.calls().get("sqs"))
                    .containsEntry("CreateQueue", 1L)
                    .containsEntry("SendMessage", 1L)
                    .containsEntry("ReceiveMessage", 1L);
            assertThat(proxy.calls().get("dynamodb")).containsEntry("ListTables", 1L);
        }
    }

    @Test
    void callsSignedForARegion_goToThatRegionsEmulator_andTheirServerTimeIsCounted(MotoServer moto) {
        try (MotoServer usEast = MotoServer.start();
                EmulatorProxy proxy =
                        new EmulatorProxy(new Upstreams(Map.of("us-east-1", usEast.endpoint()), moto.endpoint()), 1);
                AwsClients throughProxy = new AwsClients(proxy.endpoint());
                AwsClients onDefault = new AwsClients(moto.endpoint());
                AwsClients onUsEast = new AwsClients(usEast.endpoint())) {
            throughProxy.sqs("us-east-1").createQueue(b -> b.queueName("routed-us"));
            throughProxy.sqs("eu-west-1").createQueue(b -> b.queueName("routed-eu"));

            assertThat(onUsEast.sqs("us-east-1").listQueues().queueUrls()).anyMatch(u -> u.endsWith("/routed-us"));
            assertThat(onDefault.sqs("us-east-1").listQueues().queueUrls()).noneMatch(u -> u.endsWith("/routed-us"));
            assertThat(onDefault.sqs("eu-west-1").listQueues().queueUrls()).anyMatch(u -> u.endsWith("/routed-eu"));
            assertThat(onUsEast.sqs("eu-west-1").listQueues().queueUrls()).isEmpty();
            assertThat(proxy.serverMillis()).containsOnlyKeys("sqs");
            assertThat(proxy.serverMillis().get("sqs")).containsOnlyKeys("CreateQueue");
        }
    }

    @Test
    void callsNamingATable_areCountedPerTable_soApplicationAndBookkeepingWritesCanBeToldApart(MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients aws = new AwsClients(proxy.endpoint())) {
            DynamoDbClient dynamo = aws.dynamoDb("eu-west-1");
            for (String table : List.of("orders", "idempotency")) {
                dynamo.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("id")
                                .keyType(KeyType.HASH)
                                .build())
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("id")
                                .attributeType(ScalarAttributeType.S)
                                .build()));
            }
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"));
            dynamo.putItem(b -> b.tableName("orders").item(item));
            dynamo.putItem(b -> b.tableName("orders").item(item));
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                    "idempotency",
                    List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()))));
            dynamo.listTables();

            Map<String, Map<String, Long>> dynamoCalls = proxy.callsByResource().get("dynamodb");
            assertThat(dynamoCalls.get("PutItem")).containsOnly(Map.entry("orders", 2L));
            assertThat(dynamoCalls.get("BatchWriteItem")).containsOnly(Map.entry("idempotency", 1L));
            assertThat(dynamoCalls.get("ListTables")).containsOnly(Map.entry("-", 1L));
        }
    }

    @Test
    void injectedThrottling_reachesTheSdkAsTheServicesOwnError(MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients aws = new AwsClients(proxy.endpoint())) {
            proxy.inject(new FaultRule("sns", "CreateTopic", 1.0, 400, "Throttling"));
            proxy.inject(new FaultRule("sqs", "*", 1.0, 500, "InternalError"));
            SnsClient sns = callingOnce(aws, SnsClient.builder());
            SqsClient sqs = callingOnce(aws, SqsClient.builder());

            assertThatThrownBy(() -> sns.createTopic(b -> b.name("t")))
                    .isInstanceOfSatisfying(SnsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                        assertThat(e.isThrottlingException()).isTrue();
                    });
            assertThatThrownBy(() -> sqs.listQueues())
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThat(proxy.injectedFaults().get("sns")).containsEntry("CreateTopic", 1L);
        }
    }

    @Test
    void faultOnOneTable_failsOnlyThatTablesCalls_includingBatchWrites(MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients aws = new AwsClients(proxy.endpoint())) {
            DynamoDbClient dynamo = callingOnce(aws, DynamoDbClient.builder());
            for (String table : List.of("faulted", "healthy")) {
                dynamo.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("id")
                                .keyType(KeyType.HASH)
                                .build())
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("id")
                                .attributeType(ScalarAttributeType.S)
                                .build()));
            }
            proxy.inject(FaultRule.serverError("dynamodb", "*", 1.0).on("faulted"));
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"));

            dynamo.putItem(b -> b.tableName("healthy").item(item));
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("faulted").item(item)))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                            "faulted",
                            List.of(WriteRequest.builder()
                                    .putRequest(p -> p.item(item))
                                    .build())))))
                    .isInstanceOf(DynamoDbException.class);
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                    "healthy",
                    List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()))));

            assertThat(proxy.injectedFaults().get("dynamodb"))
                    .containsOnly(Map.entry("PutItem", 1L), Map.entry("BatchWriteItem", 1L));
        }
    }

    @Test
    void faultOnOneQueue_failsOnlyThatQueuesCalls(MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients aws = new AwsClients(proxy.endpoint())) {
            SqsClient sqs = callingOnce(aws, SqsClient.builder());
            String faulted =
                    sqs.createQueue(b -> b.queueName("shop-quarantine")).queueUrl();
            String healthy = sqs.createQueue(b -> b.queueName("shop-billing")).queueUrl();
            proxy.inject(FaultRule.throttling("sqs", "SendMessage", 1.0).on("shop-quarantine"));

            sqs.sendMessage(b -> b.queueUrl(healthy).messageBody("fine"));
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(faulted).messageBody("refused")))
                    .isInstanceOfSatisfying(
                            SqsException.class,
                            e -> assertThat(e.isThrottlingException()).isTrue());
        }
    }

    @Test
    void faultInjectedOnce_failsTheFirstMatchingCallOnly(MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients aws = new AwsClients(proxy.endpoint())) {
            SqsClient sqs = callingOnce(aws, SqsClient.builder());
            String faulted =
                    sqs.createQueue(b -> b.queueName("shop-quarantine")).queueUrl();
            String healthy = sqs.createQueue(b -> b.queueName("shop-billing")).queueUrl();
            proxy.injectOnce(FaultRule.serverError("sqs", "SendMessage", 1.0).on("shop-quarantine"));

            sqs.sendMessage(b -> b.queueUrl(healthy).messageBody("not the rule's queue"));
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(faulted).messageBody("refused")))
                    .isInstanceOf(SqsException.class);
            sqs.sendMessage(b -> b.queueUrl(faulted).messageBody("taken"));

            assertThat(proxy.injectedFaults().get("sqs")).containsEntry("SendMessage", 1L);
        }
    }

    @Test
    void faultRule_withAStatusThatIsNoError_isRefused() {
        assertThatThrownBy(() -> new FaultRule("sns", "*", 0.5, 200, "Throttling"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400-599");
    }

    /** A client through the proxy that makes each call once (no retries), so that an injected fault reaches the test. */
    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C callingOnce(
            AwsClients aws, B builder) {
        return aws.configure(builder, "eu-west-1")
                .httpClient(aws.httpClient())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
