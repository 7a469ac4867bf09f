package dev.distributary.processor.idempotency;

import dev.distributary.processor.StreamShard;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The publish ledger of one checkpoint per function and shard ("idempotency by sequence number").
 * Within a shard, records come in sequence-number order, and with a parallelization factor of 1
 * only one invocation at a time reads a shard: so the highest sequence number fully handled says
 * everything about the records before it. A batch reads its checkpoint once, skips what it covers,
 * and advances it after each published chunk with one conditional write, which a stale invocation
 * fails: it stops there.
 *
 * <p>DynamoDB stream records do not name their shard; the event source mapping's tumbling window
 * makes Lambda pass it with the event, and a batch without it is refused.
 */
public final class CheckpointLedger implements PublishLedger {
    private static final int WRITE_ATTEMPTS = 3;

    private final CheckpointStore store;
    private final String functionName;
    private final Duration expiry;

    /**
     * @param expiry how long a checkpoint outlives its last write: longer than the stream's 24-hour
     *               retention, so that no record can be redelivered after its checkpoint is gone
     */
    public CheckpointLedger(CheckpointStore store, String functionName, Duration expiry) {
        this.store = store;
        this.functionName = functionName;
        this.expiry = expiry;
    }

    /** The checkpoint's key in the store: one per function and shard. */
    public static String key(String functionName, StreamShard shard) {
        return "checkpoint#" + functionName + "#" + shard.streamArn() + "#" + shard.shardId();
    }

    @Override
    public LedgerBatch open(Optional<StreamShard> shard) {
        StreamShard known = shard.orElseThrow(
                () -> new LedgerUnavailableException("the event does not name its shard, and the checkpoint"
                        + " ledger keys its checkpoint by it: give the event source mapping a tumbling window (the stacks set"
                        + " TumblingWindowInSeconds for this ledger), or set processor.idempotency: per-record"));
        String key = key(functionName, known);
        Checkpoint checkpoint;
        try {
            checkpoint = store.read(key);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(
                    "could not read the checkpoint of " + known.shardId() + "; the batch is retried", e);
        }
        return new Batch(key, checkpoint);
    }

    private final class Batch implements LedgerBatch {
        private final String key;
        private Checkpoint checkpoint;

        Batch(String key, Checkpoint checkpoint) {
            this.key = key;
            this.checkpoint = checkpoint;
        }

        @Override
        public List<Admission> admit(List<RecordRef> records, Instant now, int remainingMillis) {
            String upTo = checkpoint.upTo().map(BigInteger::toString).orElse(null);
            List<Admission> admissions = new ArrayList<>(records.size());
            for (RecordRef record : records) {
                String sequence = record.sequenceNumber();
                admissions.add(
                        SequenceNumbers.isSequenceNumber(sequence)
                                ? admission(sequence, upTo)
                                : new Admission.Admitted());
            }
            return admissions;
        }

        /** The answer for a record of this sequence number; {@code upTo} is the checkpoint's, as text (null before the first). */
        private Admission admission(String sequence, String upTo) {
            if (upTo != null && SequenceNumbers.compare(sequence, upTo) <= 0) {
                return new Admission.AlreadyHandled();
            }
            Set<String> published = checkpoint.publishedBeyond().isEmpty()
                    ? Set.of()
                    : checkpoint.publishedTo(new BigInteger(sequence));
            return published.isEmpty() ? new Admission.Admitted() : new Admission.PartlyPublished(published);
        }

        @Override
        public void handled(Progress progress, Instant now) {
            Optional<BigInteger> through =
                    progress.handledThrough().flatMap(ref -> SequenceNumbers.parse(ref.sequenceNumber()));
            Map<BigInteger, Set<String>> beyond = new LinkedHashMap<>();
            progress.publishedBeyond()
                    .forEach((ref, regions) -> SequenceNumbers.parse(ref.sequenceNumber())
                            .ifPresent(sequence -> beyond.put(sequence, regions)));
            Checkpoint next = checkpoint.advance(through, beyond);
            if (next.sameAs(checkpoint)) {
                return;
            }
            RuntimeException last = null;
            for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
                try {
                    store.write(key, next, now.plus(expiry));
                    checkpoint = next;
                    return;
                } catch (StaleLedgerException stale) {
                    if (attempt == 0 || !wroteIt(next)) {
                        throw stale;
                    }
                    checkpoint = next;
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            throw new LedgerUnavailableException(
                    "could not advance the checkpoint to "
                            + next.upTo().map(BigInteger::toString).orElse("the start")
                            + "; a later chunk's write covers it, else a redelivery may publish these records again",
                    last);
        }

        /** After a failed attempt whose write may have landed: whether the stored checkpoint is exactly {@code next}. */
        private boolean wroteIt(Checkpoint next) {
            Checkpoint stored = store.read(key);
            return stored.revision() == next.revision() && stored.sameAs(next);
        }

        @Override
        public void close(List<RecordRef> unhandled) {
            // nothing is held: what the checkpoint does not cover is handled again by the retry
        }
    }
}
