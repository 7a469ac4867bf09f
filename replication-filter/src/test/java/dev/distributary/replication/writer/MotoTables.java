package dev.distributary.replication.writer;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamSource;
import dev.distributary.change.UserIdentity;
import dev.distributary.moto.AwsClients;
import dev.distributary.topology.Platforms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Tables of {@link Platforms#OWN_STAMPS} on moto, clients with the interceptor, and their streams read as change records. */
final class MotoTables {
    static final String REGION = "eu-west-1";
    static final long NOW = 1_795_687_200_123L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    private MotoTables() {}

    /** Creates orders (pk, sk), eu-customers (customerId), ledger (id) and an unmanaged table in the region; returns stream ARNs by table. */
    static Map<String, String> createAll(AwsClients aws, String region) {
        DynamoDbClient dynamo = aws.dynamoDb(region);
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("orders", create(dynamo, "orders", "pk", "sk"));
        streams.put("eu-customers", create(dynamo, "eu-customers", "customerId", null));
        streams.put("ledger", create(dynamo, "ledger", "id", null));
        streams.put("unmanaged", create(dynamo, "unmanaged", "id", null));
        return streams;
    }

    static String create(DynamoDbClient dynamo, String table, String partitionKey, String sortKey) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> schema = new ArrayList<>();
        attributes.add(AttributeDefinition.builder()
                .attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S)
                .build());
        schema.add(KeySchemaElement.builder()
                .attributeName(partitionKey)
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(sortKey)
                    .attributeType(ScalarAttributeType.S)
                    .build());
            schema.add(KeySchemaElement.builder()
                    .attributeName(sortKey)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return dynamo.createTable(b -> b.tableName(table)
                        .attributeDefinitions(attributes)
                        .keySchema(schema)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(StreamSpecification.builder()
                                .streamEnabled(true)
                                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                                .build()))
                .tableDescription()
                .latestStreamArn();
    }

    /** A client of the region whose writes go through the origin-stamping interceptor. The caller closes it. */
    static DynamoDbClient stampingClient(AwsClients aws, String region) {
        OriginStampingInterceptor interceptor = new OriginStampingInterceptor(region, Platforms.ownStamps(), CLOCK);
        return aws.configure(DynamoDbClient.builder(), region)
                .httpClient(aws.httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String pk) {
        return Map.of("pk", s(pk), "sk", s("v0"));
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(long value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(value));
    }

    /** Every record of the stream so far, as the processor's edge would convert them. */
    static List<ChangeRecord> readStream(AwsClients aws, String region, String streamArn) {
        DynamoDbStreamsClient streams = aws.streams(region);
        String shard = streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String iterator = streams.getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        List<Record> records =
                streams.getRecords(b -> b.shardIterator(iterator)).records();
        return records.stream().map(r -> toChange(r, streamArn)).toList();
    }

    static ChangeRecord toChange(Record record, String streamArn) {
        var d = record.dynamodb();
        return new ChangeRecord(
                record.eventID(),
                record.eventNameAsString(),
                StreamSource.fromArn(streamArn),
                d.sequenceNumber(),
                d.approximateCreationDateTime() == null ? Instant.EPOCH : d.approximateCreationDateTime(),
                image(d.keys()),
                d.hasOldImage() ? Optional.of(image(d.oldImage())) : Optional.empty(),
                d.hasNewImage() ? Optional.of(image(d.newImage())) : Optional.empty(),
                Optional.ofNullable(record.userIdentity()).map(u -> new UserIdentity(u.type(), u.principalId())),
                d.sizeBytes() == null ? 0 : d.sizeBytes());
    }

    static Image image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        item.forEach((name, value) -> attributes.put(name, value(value)));
        return new Image(attributes);
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        switch (v.type()) {
            case S:
                return new AttributeValue.S(v.s());
            case N:
                return new AttributeValue.N(v.n());
            case B:
                return new AttributeValue.B(v.b().asByteArray());
            case SS:
                return new AttributeValue.SS(v.ss());
            case NS:
                return new AttributeValue.NS(v.ns());
            case BS:
                return new AttributeValue.BS(v.bs().stream()
                        .map(b -> new AttributeValue.B(b.asByteArray()))
                        .toList());
            case M:
                return new AttributeValue.M(image(v.m()).attributes());
            case L:
                return new AttributeValue.L(
                        v.l().stream().map(MotoTables::value).toList());
            case BOOL:
                return new AttributeValue.Bool(v.bool());
            case NUL:
                return new AttributeValue.Null();
            default:
                throw new IllegalArgumentException("unknown attribute type " + v);
        }
    }
}
