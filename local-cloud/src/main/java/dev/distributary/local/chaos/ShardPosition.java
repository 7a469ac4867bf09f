package dev.distributary.local.chaos;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Where an event source mapping stands on one shard at the end of a run: its checkpoint, and the
 * last record in the shard.
 */
record ShardPosition(
        String region, String table, String shardId, Optional<String> checkpoint, Optional<String> lastRecord) {

    /** The mapping has handled every record of the shard (an empty shard counts). */
    public boolean caughtUp() {
        if (lastRecord.isEmpty()) {
            return true;
        }
        return checkpoint.isPresent()
                && new BigInteger(checkpoint.get()).compareTo(new BigInteger(lastRecord.get())) >= 0;
    }

    public String describe() {
        return region + " " + table + " " + shardId + ": checkpoint " + checkpoint.orElse("none") + ", last record "
                + lastRecord.orElse("none");
    }
}
