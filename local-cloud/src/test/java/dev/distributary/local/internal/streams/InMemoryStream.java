package dev.distributary.local.internal.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stream held in memory: shards with parents, records appended by the test, shards closed by the test. */
public final class InMemoryStream implements ShardSource {
    public static final String ARN =
            "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ShardData> shards = new LinkedHashMap<>();
    private long nextSequence = 1_000;

    private int reads;

    private static final class ShardData {
        final Optional<String> parent;
        final List<StreamRecord> records = new ArrayList<>();
        boolean closed;

        ShardData(Optional<String> parent) {
            this.parent = parent;
        }
    }

    public synchronized InMemoryStream shard(String shardId, Optional<String> parent) {
        shards.put(shardId, new ShardData(parent));
        return this;
    }

    /** Appends a record with the key and event name; returns it. */
    public synchronized StreamRecord append(
            String shardId, String key, String eventName, Instant created, String origin) {
        BigInteger sequence = BigInteger.valueOf(nextSequence++);
        ObjectNode json = JSON.createObjectNode();
        json.put("eventID", "e-" + sequence);
        json.put("eventName", eventName);
        json.put("awsRegion", "eu-west-1");
        ObjectNode dynamodb = json.putObject("dynamodb");
        dynamodb.putObject("Keys").putObject("pk").put("S", key);
        ObjectNode image = dynamodb.putObject("NewImage");
        image.putObject("pk").put("S", key);
        image.putObject("_origin").put("S", origin);
        dynamodb.put("SequenceNumber", sequence.toString());
        dynamodb.put("ApproximateCreationDateTime", created.getEpochSecond());
        json.put("eventSourceARN", ARN);
        StreamRecord record = new StreamRecord(sequence, key, created, 100, json);
        shards.get(shardId).records.add(record);
        return record;
    }

    public synchronized void close(String shardId) {
        shards.get(shardId).closed = true;
    }

    @Override
    public String streamArn() {
        return ARN;
    }

    @Override
    public synchronized List<Shard> shards() {
        List<Shard> list = new ArrayList<>();
        shards.forEach((id, data) -> list.add(new Shard(id, data.parent)));
        return list;
    }

    @Override
    public synchronized String iterator(String shardId, Position position) {
        ShardData data = shards.get(shardId);
        int index = 0;
        if (position instanceof Position.Latest) {
            index = data.records.size();
        } else if (position instanceof Position.AfterSequenceNumber after) {
            BigInteger sequence = new BigInteger(after.sequenceNumber());
            while (index < data.records.size()
                    && data.records.get(index).sequenceNumber().compareTo(sequence) <= 0) {
                index++;
            }
        }
        return shardId + ":" + index;
    }

    /** GetRecords calls so far, on every shard. */
    public synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized Page read(String iterator, int limit) {
        reads++;
        String shardId = iterator.substring(0, iterator.lastIndexOf(':'));
        int index = Integer.parseInt(iterator.substring(iterator.lastIndexOf(':') + 1));
        ShardData data = shards.get(shardId);
        int end = Math.min(data.records.size(), index + limit);
        List<StreamRecord> page = List.copyOf(data.records.subList(index, end));
        boolean exhausted = data.closed && end == data.records.size();
        return new Page(page, exhausted ? Optional.empty() : Optional.of(shardId + ":" + end));
    }
}
