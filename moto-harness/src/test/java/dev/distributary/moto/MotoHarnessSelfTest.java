package dev.distributary.moto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.moto.junit.MotoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@MotoTest
class MotoHarnessSelfTest {

    @Test
    void tableWithStream_putItem_recordAppearsInItsStream(AwsClients aws) {
        DynamoDbClient dynamo = aws.dynamoDb("eu-west-1");
        String streamArn = dynamo.createTable(b -> b.tableName("self-test")
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(StreamSpecification.builder()
                                .streamEnabled(true)
                                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                                .build()))
                .tableDescription()
                .latestStreamArn();

        dynamo.putItem(b -> b.tableName("self-test")
                .item(Map.of("pk", AttributeValue.fromS("item-1"), "colour", AttributeValue.fromS("blue"))));

        DynamoDbStreamsClient streams = aws.streams("eu-west-1");
        String shardId = streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String iterator = streams.getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        List<Record> records =
                streams.getRecords(b -> b.shardIterator(iterator)).records();

        assertThat(streamArn).contains(":eu-west-1:");
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.eventNameAsString()).isEqualTo("INSERT");
            assertThat(record.dynamodb().newImage()).containsEntry("colour", AttributeValue.fromS("blue"));
            assertThat(record.dynamodb().keys()).containsEntry("pk", AttributeValue.fromS("item-1"));
        });
    }

    @Test
    void clientsForTwoRegions_seeSeparateState(AwsClients aws) {
        aws.sqs("us-east-1").createQueue(b -> b.queueName("only-in-us"));

        assertThat(aws.sqs("us-east-1").listQueues().queueUrls()).anyMatch(url -> url.endsWith("/only-in-us"));
        assertThat(aws.sqs("ap-southeast-2").listQueues().queueUrls()).noneMatch(url -> url.endsWith("/only-in-us"));
    }

    @Test
    void sameClientTwice_isTheSameInstance(AwsClients aws) {
        assertThat(aws.sns("us-east-1")).isSameAs(aws.sns("us-east-1"));
    }
}
