package dev.distributary.processor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.processor.idempotency.internal.StoredDataRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemAlreadyExistsException;
import software.amazon.lambda.powertools.idempotency.persistence.BasePersistenceStore;
import software.amazon.lambda.powertools.idempotency.persistence.DataRecord;

/**
 * The ledger's answer to a refused claim, against a store that answers as scripted: the races a
 * real table shows only by chance (a record that expires between the put and the read). The
 * ledger's time is in 1970, so a status judged by the real clock would show here.
 */
class PowertoolsRecordLedgerClaimTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_000_000);

    @Test
    void refusedClaim_onARecordExpiredByTheLedgersClock_isClaimedAgain() {
        ScriptedStore store = new ScriptedStore(1, completedUntil(NOW.minusSeconds(1)));

        RecordLedger.Claim claim =
                new PowertoolsRecordLedger(store, "fn", Duration.ofHours(1)).claim("event-1", NOW, 60_000);

        assertThat(claim).isEqualTo(new RecordLedger.Claim.Claimed());
        assertThat(store.puts).isEqualTo(2);
    }

    @Test
    void refusedClaim_onAnUnexpiredCompletedRecord_isAlreadyPublished() {
        ScriptedStore store = new ScriptedStore(1, completedUntil(NOW.plusSeconds(3_600)));

        RecordLedger.Claim claim =
                new PowertoolsRecordLedger(store, "fn", Duration.ofHours(1)).claim("event-1", NOW, 60_000);

        assertThat(claim).isEqualTo(new RecordLedger.Claim.AlreadyPublished());
    }

    @Test
    void claimsRefusedThreeTimes_onARecordThatIsExpiredEachTime_failWithTheEventId() {
        ScriptedStore store = new ScriptedStore(Integer.MAX_VALUE, completedUntil(NOW.minusSeconds(1)));
        PowertoolsRecordLedger ledger = new PowertoolsRecordLedger(store, "fn", Duration.ofHours(1));

        assertThatThrownBy(() -> ledger.claim("event-1", NOW, 60_000))
                .isInstanceOf(ClaimContendedException.class)
                .hasMessage(
                        "the idempotency record of event-1 was expired or gone after 3 refused claims in a row; its batch is retried from it");
        assertThat(store.puts).isEqualTo(3);
    }

    @Test
    void status_ofARecordPastItsExpiryAtTheGivenTime_isExpired_whateverItsStoredStatus() {
        DataRecord record = completedUntil(NOW.minusSeconds(1));

        assertThat(PowertoolsRecordLedger.status(record, NOW)).isEqualTo(DataRecord.Status.EXPIRED);
    }

    private static DataRecord completedUntil(Instant expiry) {
        return new StoredDataRecord(
                "fn#key",
                DataRecord.Status.COMPLETED,
                expiry.getEpochSecond(),
                "published",
                null,
                OptionalLong.empty());
    }

    /** Refuses the first {@code refusals} puts and then answers every read with {@code existing}. */
    private static final class ScriptedStore extends BasePersistenceStore {
        private final int refusals;
        private final DataRecord existing;
        private final List<DataRecord> written = new ArrayList<>();
        int puts;

        ScriptedStore(int refusals, DataRecord existing) {
            this.refusals = refusals;
            this.existing = existing;
        }

        @Override
        public DataRecord getRecord(String idempotencyKey) {
            return existing;
        }

        @Override
        public void putRecord(DataRecord record, Instant now) {
            if (++puts <= refusals) {
                throw new IdempotencyItemAlreadyExistsException();
            }
            written.add(record);
        }

        @Override
        public void updateRecord(DataRecord record) {
            written.add(record);
        }

        @Override
        public void deleteRecord(String idempotencyKey) {
            written.removeIf(record -> record.getIdempotencyKey().equals(idempotencyKey));
        }
    }
}
