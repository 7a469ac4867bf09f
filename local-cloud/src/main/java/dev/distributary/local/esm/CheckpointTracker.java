package dev.distributary.local.esm;

import dev.distributary.local.internal.streams.StreamRecord;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a shard may be checkpointed while batches of it are in flight: just before the lowest
 * record that is read but not yet done. Filtered records are read and done at once.
 */
final class CheckpointTracker {
    private final TreeSet<BigInteger> read = new TreeSet<>();
    private final TreeSet<BigInteger> outstanding = new TreeSet<>();

    synchronized void read(StreamRecord record, boolean toProcess) {
        read.add(record.sequenceNumber());
        if (toProcess) {
            outstanding.add(record.sequenceNumber());
        }
    }

    synchronized void done(Collection<StreamRecord> records) {
        records.forEach(record -> outstanding.remove(record.sequenceNumber()));
    }

    /** The highest read sequence number with nothing outstanding at or before it. */
    synchronized Optional<BigInteger> checkpoint() {
        BigInteger safe =
                outstanding.isEmpty() ? (read.isEmpty() ? null : read.last()) : read.lower(outstanding.first());
        if (safe != null) {
            read.headSet(safe, false).clear();
        }
        return Optional.ofNullable(safe);
    }

    synchronized int outstanding() {
        return outstanding.size();
    }

    synchronized void clear() {
        read.clear();
        outstanding.clear();
    }
}
