package dev.distributary.processor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.processor.StreamShard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkpoint ledger over an in-memory store: what it admits, what it writes, and when it stops. */
class CheckpointLedgerTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_000_000);
    private static final StreamShard SHARD =
            new StreamShard("arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/x", "shardId-1");
    private static final String KEY = CheckpointLedger.key("shop-processor", SHARD);

    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final CheckpointLedger ledger = new CheckpointLedger(store, "shop-processor", Duration.ofHours(25));

    private static RecordRef ref(String sequence) {
        return new RecordRef("e-" + sequence, sequence);
    }

    @Test
    void open_readsTheCheckpointOnce_andAdmitsEveryRecordOfAFreshShard() {
        LedgerBatch batch = ledger.open(Optional.of(SHARD));

        List<Admission> admissions = batch.admit(List.of(ref("1"), ref("2")), NOW, 60_000);

        assertThat(admissions).containsOnly(new Admission.Admitted());
        assertThat(store.reads()).isEqualTo(1);
        assertThat(store.writes()).isZero();
    }

    @Test
    void handledRecords_areAlreadyHandled_whenTheBatchIsDeliveredAgain() {
        LedgerBatch first = ledger.open(Optional.of(SHARD));
        first.handled(new Progress(List.of(ref("1"), ref("2")), Optional.of(ref("2")), Map.of()), NOW);

        List<Admission> again =
                ledger.open(Optional.of(SHARD)).admit(List.of(ref("1"), ref("2"), ref("3")), NOW, 60_000);

        assertThat(again)
                .containsExactly(
                        new Admission.AlreadyHandled(), new Admission.AlreadyHandled(), new Admission.Admitted());
        assertThat(store.get(KEY).upTo()).contains(java.math.BigInteger.TWO);
    }

    @Test
    void recordPublishedBeyondAFailure_isPartlyPublished_toTheRegionsThatTookIt() {
        LedgerBatch first = ledger.open(Optional.of(SHARD));
        first.handled(
                new Progress(List.of(ref("1")), Optional.of(ref("1")), Map.of(ref("3"), Set.of("us-east-1"))), NOW);

        List<Admission> retry = ledger.open(Optional.of(SHARD)).admit(List.of(ref("2"), ref("3")), NOW, 60_000);

        assertThat(retry).containsExactly(new Admission.Admitted(), new Admission.PartlyPublished(Set.of("us-east-1")));
    }

    @Test
    void progressThatChangesNothing_isNotWritten() {
        LedgerBatch batch = ledger.open(Optional.of(SHARD));
        batch.handled(new Progress(List.of(ref("5")), Optional.of(ref("5")), Map.of()), NOW);

        batch.handled(new Progress(List.of(), Optional.of(ref("5")), Map.of()), NOW);

        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void staleInvocation_whoseCheckpointWasMovedByAnother_failsItsNextWrite() {
        LedgerBatch stale = ledger.open(Optional.of(SHARD));
        ledger.open(Optional.of(SHARD)).handled(new Progress(List.of(ref("1")), Optional.of(ref("1")), Map.of()), NOW);

        assertThatThrownBy(() -> stale.handled(new Progress(List.of(ref("1")), Optional.of(ref("1")), Map.of()), NOW))
                .isInstanceOf(StaleLedgerException.class);
        assertThat(store.get(KEY).revision()).isEqualTo(1);
    }

    @Test
    void batchWithoutItsShard_isRefused_withWhatToDo() {
        assertThatThrownBy(() -> ledger.open(Optional.empty()))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("tumbling window")
                .hasMessageContaining("processor.idempotency: per-record");
    }

    @Test
    void recordWithoutANumericSequenceNumber_isAdmitted_forTheCheckpointCannotPlaceIt() {
        LedgerBatch batch = ledger.open(Optional.of(SHARD));
        batch.handled(new Progress(List.of(ref("9")), Optional.of(ref("9")), Map.of()), NOW);

        List<Admission> admissions =
                ledger.open(Optional.of(SHARD)).admit(List.of(new RecordRef("odd", "not-a-number")), NOW, 60_000);

        assertThat(admissions).containsExactly(new Admission.Admitted());
    }

    @Test
    void writeWhoseResponseWasLost_isRecognisedOnTheRetriedAttempt_notTakenForAStaleInvocation() {
        CheckpointStore lossy = new CheckpointStore() {
            private boolean lost;

            @Override
            public Checkpoint read(String key) {
                return store.read(key);
            }

            @Override
            public void write(String key, Checkpoint next, Instant expiresAt) {
                store.write(key, next, expiresAt);
                if (!lost) {
                    lost = true;
                    throw new IllegalStateException("the response was lost after the write landed");
                }
            }
        };
        LedgerBatch batch =
                new CheckpointLedger(lossy, "shop-processor", Duration.ofHours(25)).open(Optional.of(SHARD));

        batch.handled(new Progress(List.of(ref("4")), Optional.of(ref("4")), Map.of()), NOW);

        assertThat(store.get(KEY).upTo()).contains(java.math.BigInteger.valueOf(4));
        assertThat(store.get(KEY).revision()).isEqualTo(1);
    }

    @Test
    void checkpointsOfTwoShards_andOfTwoFunctions_areKeptApart() {
        StreamShard child = new StreamShard(SHARD.streamArn(), "shardId-2");

        assertThat(CheckpointLedger.key("shop-processor", child)).isNotEqualTo(KEY);
        assertThat(CheckpointLedger.key("other-processor", SHARD)).isNotEqualTo(KEY);
    }
}
