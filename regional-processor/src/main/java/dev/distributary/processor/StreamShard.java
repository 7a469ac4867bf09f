package dev.distributary.processor;

import java.util.Objects;

/**
 * The shard a batch was read from. Lambda reads one shard per batch; DynamoDB stream records do not
 * name their shard, but an event source mapping with a tumbling window passes it with the event.
 */
public record StreamShard(String streamArn, String shardId) {
    public StreamShard {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        if (streamArn.isBlank() || shardId.isBlank()) {
            throw new IllegalArgumentException("a shard needs its stream ARN and shard ID");
        }
    }
}
