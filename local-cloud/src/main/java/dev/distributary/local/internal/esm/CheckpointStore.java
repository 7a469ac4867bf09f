package dev.distributary.local.internal.esm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last sequence number processed per shard, keyed by stream ARN and shard ID (moto gives
 * every stream the same shard ID, so the shard ID alone is not a key).
 */
public final class CheckpointStore {
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, Boolean> finished = new ConcurrentHashMap<>();

    public Optional<String> get(String streamArn, String shardId) {
        return Optional.ofNullable(checkpoints.get(key(streamArn, shardId)));
    }

    public void put(String streamArn, String shardId, String sequenceNumber) {
        checkpoints.put(key(streamArn, shardId), sequenceNumber);
    }

    /** The shard was closed and every record of it processed: its children may start. */
    public void markFinished(String streamArn, String shardId) {
        finished.put(key(streamArn, shardId), true);
    }

    public boolean isFinished(String streamArn, String shardId) {
        return finished.containsKey(key(streamArn, shardId));
    }

    private static String key(String streamArn, String shardId) {
        return streamArn + "|" + shardId;
    }
}
