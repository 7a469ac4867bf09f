package dev.distributary.local.internal.streams;

import java.util.List;
import java.util.Optional;

/** One DynamoDB stream as the mapping reads it: its shards, iterators and pages of records. */
public interface ShardSource {

    String streamArn();

    /** Every shard of the stream, parents included. */
    List<Shard> shards();

    /** An iterator at the position. */
    String iterator(String shardId, Position position);

    /** Up to {@code limit} records after the iterator; an empty next iterator means the shard is closed and fully read. */
    Page read(String iterator, int limit);

    record Shard(String shardId, Optional<String> parentShardId) {}

    /** Where to start reading a shard. */
    sealed interface Position {
        record TrimHorizon() implements Position {}

        record Latest() implements Position {}

        record AfterSequenceNumber(String sequenceNumber) implements Position {}
    }

    record Page(List<StreamRecord> records, Optional<String> nextIterator) {
        public Page {
            records = List.copyOf(records);
        }
    }
}
