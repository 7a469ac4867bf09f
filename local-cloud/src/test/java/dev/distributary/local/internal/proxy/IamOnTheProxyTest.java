package dev.distributary.local.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.local.internal.iam.IdentityPolicy;
import dev.distributary.local.internal.iam.LocalIdentity;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Calls signed with a registered function's key are judged by its policy, and refused as AWS refuses them. */
@MotoTest
class IamOnTheProxyTest {
    private static final String REGION = "eu-west-1";
    private static final LocalIdentity FUNCTION =
            LocalIdentity.of("shop-dev-processor", REGION, "shop-dev-processor-eu-west-1", "123456789012");
    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Ledger", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
               "Resource": "arn:aws:dynamodb:eu-west-1:123456789012:table/ledger"},
              {"Sid": "Quarantine", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:123456789012:quarantine"}]}""";

    @Test
    void functionCallsOutsideItsPolicy_deniedWithAwsErrors_namingPrincipalActionAndResource_othersPass(
            MotoServer moto) {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint(), 1);
                AwsClients harness = new AwsClients(proxy.endpoint());
                AwsClients function =
                        new AwsClients(proxy.endpoint(), FUNCTION.accessKeyId(), FUNCTION.secretAccessKey())) {
            DynamoDbClient dynamo = harness.dynamoDb(REGION);
            for (String table : List.of("ledger", "orders")) {
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
            String quarantine = harness.sqs(REGION)
                    .createQueue(b -> b.queueName("quarantine"))
                    .queueUrl();
            String other =
                    harness.sqs(REGION).createQueue(b -> b.queueName("other")).queueUrl();
            String topic =
                    harness.sns(REGION).createTopic(b -> b.name("events")).topicArn();
            proxy.iam().register(FUNCTION, IdentityPolicy.parse(POLICY));
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"));

            function.dynamoDb(REGION).putItem(b -> b.tableName("ledger").item(item));
            function.sqs(REGION).sendMessage(b -> b.queueUrl(quarantine).messageBody("held"));
            assertThatThrownBy(() -> function.dynamoDb(REGION)
                            .putItem(b -> b.tableName("orders").item(item)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("User: arn:aws:sts::123456789012:assumed-role/"
                                        + "shop-dev-processor-eu-west-1/shop-dev-processor is not authorized to perform: dynamodb:PutItem on resource: "
                                        + "arn:aws:dynamodb:eu-west-1:123456789012:table/orders because no identity-based policy allows the"
                                        + " dynamodb:PutItem action");
                    });
            assertThatThrownBy(() -> function.dynamoDb(REGION)
                            .batchWriteItem(b -> b.requestItems(Map.of(
                                    "ledger",
                                    List.of(WriteRequest.builder()
                                            .putRequest(p -> p.item(item))
                                            .build())))))
                    .hasMessageContaining("not authorized to perform: dynamodb:BatchWriteItem on resource: "
                            + "arn:aws:dynamodb:eu-west-1:123456789012:table/ledger");
            assertThatThrownBy(() -> function.sqs(REGION)
                            .sendMessageBatch(b ->
                                    b.queueUrl(other).entries(e -> e.id("1").messageBody("x"))))
                    .isInstanceOfSatisfying(
                            SqsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"))
                    .hasMessageContaining("sqs:SendMessage on resource: arn:aws:sqs:eu-west-1:123456789012:other");
            assertThatThrownBy(() ->
                            function.sns(REGION).publish(b -> b.topicArn(topic).message("m")))
                    .isInstanceOfSatisfying(SnsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationError");
                    })
                    .hasMessageContaining("sns:Publish on resource: " + topic);
            harness.dynamoDb(REGION).putItem(b -> b.tableName("orders").item(item));

            assertThat(proxy.iam().denials())
                    .extracting(d -> d.action() + " " + d.resource())
                    .containsExactly(
                            "dynamodb:PutItem arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                            "dynamodb:BatchWriteItem arn:aws:dynamodb:eu-west-1:123456789012:table/ledger",
                            "sqs:SendMessage arn:aws:sqs:eu-west-1:123456789012:other",
                            "sns:Publish " + topic);
            assertThat(harness.dynamoDb(REGION).scan(b -> b.tableName("orders")).count())
                    .as("the denied write never reached the emulator")
                    .isEqualTo(1);
        }
    }

    @Test
    void streamCalls_areOnTheStream_aShardIteratorsStreamIncluded() {
        RequestResources iterator = new RequestResources(
                Map.of(
                        "ShardIterator",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-12-01T00:00:00.000|1|AAAA"),
                List.of());

        assertThat(RequestedAccess.of(new ApiCall("dynamodbstreams", REGION, "GetRecords"), iterator, "123456789012"))
                .extracting(a -> a.action() + " " + a.resource())
                .containsExactly(
                        "dynamodb:GetRecords arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-12-01T00:00:00.000");
        assertThat(RequestedAccess.of(
                        new ApiCall("sns", REGION, "PublishBatch"),
                        new RequestResources(Map.of("TopicArn", "arn:t"), List.of()),
                        "123456789012"))
                .extracting(a -> a.action())
                .containsExactly("sns:Publish");
        assertThat(RequestedAccess.queueArn(REGION, "http://127.0.0.1:5000/123456789012/shop-dev-quarantine"))
                .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:shop-dev-quarantine");
    }
}
