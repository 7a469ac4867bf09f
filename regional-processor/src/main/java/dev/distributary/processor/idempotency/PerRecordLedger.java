package dev.distributary.processor.idempotency;

import dev.distributary.processor.StreamShard;
import dev.distributary.processor.idempotency.internal.ConcurrentCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publish ledger of one record per stream record ({@link RecordLedger}: Powertools
 * idempotency in production). Works with any parallelization factor; costs a claim and a
 * completion per published record. A batch claims its records concurrently,
 * {@value #CONCURRENCY} calls at a time, completes each chunk's records together, and releases
 * what it claimed and did not handle.
 */
public final class PerRecordLedger implements PublishLedger {
    /** Ledger calls of one batch in flight at once (their round trips overlap). */
    public static final int CONCURRENCY = 8;

    private static final int COMPLETE_ATTEMPTS = 3;

    private final RecordLedger records;
    private final ConcurrentCalls calls;

    public PerRecordLedger(RecordLedger records) {
        this(records, daemonPool());
    }

    PerRecordLedger(RecordLedger records, ExecutorService pool) {
        this.records = records;
        this.calls = new ConcurrentCalls(pool, CONCURRENCY);
    }

    @Override
    public LedgerBatch open(Optional<StreamShard> shard) {
        return new Batch();
    }

    private final class Batch implements LedgerBatch {
        /** Keys this batch claimed and has not completed or released. */
        private final Set<String> claimed = ConcurrentHashMap.newKeySet();

        @Override
        public List<Admission> admit(List<RecordRef> refs, Instant now, int remainingMillis) {
            List<ConcurrentCalls.Result<RecordLedger.Claim>> answers =
                    calls.each(refs, ref -> records.claim(ref.key(), now, remainingMillis));
            List<Admission> admissions = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                admissions.add(admission(refs.get(i), answers.get(i)));
            }
            return admissions;
        }

        private Admission admission(RecordRef ref, ConcurrentCalls.Result<RecordLedger.Claim> answer) {
            if (answer instanceof ConcurrentCalls.Result.Failure<RecordLedger.Claim> failure) {
                return new Admission.Unavailable(failure.cause());
            }
            RecordLedger.Claim claim = ((ConcurrentCalls.Result.Value<RecordLedger.Claim>) answer).value();
            if (claim instanceof RecordLedger.Claim.Claimed) {
                claimed.add(ref.key());
                return new Admission.Admitted();
            }
            if (claim instanceof RecordLedger.Claim.AlreadyPublished) {
                return new Admission.AlreadyHandled();
            }
            if (claim instanceof RecordLedger.Claim.PartlyPublished partly) {
                claimed.add(ref.key());
                return new Admission.PartlyPublished(partly.regions());
            }
            return new Admission.HeldElsewhere(((RecordLedger.Claim.InProgressElsewhere) claim).until());
        }

        @Override
        public void handled(Progress progress, Instant now) {
            List<String> done = progress.newlyHandled().stream()
                    .map(RecordRef::key)
                    .filter(claimed::contains)
                    .toList();
            complete(done, now);
            progress.publishedBeyond().forEach((ref, regions) -> {
                if (!done.contains(ref.key()) && claimed.remove(ref.key())) {
                    try {
                        records.publishedTo(ref.key(), regions, now);
                    } catch (RuntimeException e) {
                        throw new LedgerUnavailableException(
                                "could not record that " + ref.key() + " reached " + regions
                                        + "; a retry after its in-progress expiry publishes it there again",
                                e);
                    }
                }
            });
        }

        private void complete(List<String> done, Instant now) {
            if (done.isEmpty()) {
                return;
            }
            RuntimeException last = null;
            for (int attempt = 0; attempt < COMPLETE_ATTEMPTS; attempt++) {
                try {
                    records.completeAll(done, now);
                    done.forEach(claimed::remove);
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            done.forEach(claimed::remove);
            throw new LedgerUnavailableException(
                    "could not mark " + done.size() + " records done in the idempotency store; a retry after their"
                            + " in-progress expiry may publish them again",
                    last);
        }

        @Override
        public void close(List<RecordRef> unhandled) {
            List<String> toRelease = unhandled.stream()
                    .map(RecordRef::key)
                    .filter(claimed::remove)
                    .toList();
            List<ConcurrentCalls.Result<Boolean>> results = calls.each(toRelease, key -> {
                records.release(key);
                return true;
            });
            List<String> failed = new ArrayList<>();
            RuntimeException cause = null;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) instanceof ConcurrentCalls.Result.Failure<Boolean> failure) {
                    failed.add(toRelease.get(i));
                    cause = failure.cause();
                }
            }
            if (!failed.isEmpty()) {
                throw new LedgerUnavailableException(
                        "could not release " + failed + "; a retry takes them over after their in-progress expiry",
                        cause);
            }
        }
    }

    private static ExecutorService daemonPool() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "ledger-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
