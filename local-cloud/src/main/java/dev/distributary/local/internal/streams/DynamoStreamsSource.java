package dev.distributary.local.internal.streams;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A DynamoDB stream read with the SDK (on AWS or an emulator), records turned into the JSON Lambda delivers. */
public final class DynamoStreamsSource implements ShardSource {
    private final DynamoDbStreamsClient client;
    private final StreamSource source;
    private final String partitionKey;

    /**
     * @param partitionKey the table's partition key attribute: records are ordered per its value
     */
    public DynamoStreamsSource(DynamoDbStreamsClient client, String streamArn, String partitionKey) {
        this.client = client;
        this.source = StreamSource.fromArn(streamArn);
        this.partitionKey = partitionKey;
    }

    @Override
    public String streamArn() {
        return source.streamArn();
    }

    @Override
    public List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            DescribeStreamResponse response =
                    client.describeStream(b -> b.streamArn(source.streamArn()).exclusiveStartShardId(from));
            response.streamDescription()
                    .shards()
                    .forEach(shard ->
                            shards.add(new Shard(shard.shardId(), Optional.ofNullable(shard.parentShardId()))));
            start = response.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    @Override
    public String iterator(String shardId, Position position) {
        return client.getShardIterator(b -> {
                    b.streamArn(source.streamArn()).shardId(shardId);
                    if (position instanceof Position.AfterSequenceNumber after) {
                        b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(after.sequenceNumber());
                    } else if (position instanceof Position.Latest) {
                        b.shardIteratorType(ShardIteratorType.LATEST);
                    } else {
                        b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                    }
                })
                .shardIterator();
    }

    @Override
    public Page read(String iterator, int limit) {
        GetRecordsResponse response =
                client.getRecords(b -> b.shardIterator(iterator).limit(limit));
        List<StreamRecord> records = new ArrayList<>(response.records().size());
        for (Record record : response.records()) {
            ChangeRecord change = SdkChangeRecords.toChange(record, source);
            AttributeValue key = record.dynamodb().keys().get(partitionKey);
            records.add(new StreamRecord(
                    new BigInteger(change.sequenceNumber()),
                    key == null ? "" : key.toString(),
                    change.approximateCreationTime(),
                    change.sizeBytes(),
                    StreamRecordJson.write(change)));
        }
        return new Page(records, Optional.ofNullable(response.nextShardIterator()));
    }
}
