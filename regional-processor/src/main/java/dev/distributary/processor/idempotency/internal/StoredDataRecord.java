package dev.distributary.processor.idempotency.internal;

import java.util.OptionalLong;
import software.amazon.lambda.powertools.idempotency.persistence.DataRecord;

/**
 * An idempotency record as read from the table, answering the status it was stored with.
 * Powertools 1.15.0's {@link DataRecord#getStatus()} answers EXPIRED once the real clock has
 * passed the record's expiry, whatever time its caller works with; the ledger judges expiry with
 * {@link #isExpired} at its own time instead.
 */
public final class StoredDataRecord extends DataRecord {
    private final Status stored;

    public StoredDataRecord(
            String key,
            Status stored,
            long expiryEpochSecond,
            String responseData,
            String payloadHash,
            OptionalLong inProgressExpiryMillis) {
        super(key, stored, expiryEpochSecond, responseData, payloadHash, inProgressExpiryMillis);
        this.stored = stored;
    }

    @Override
    public Status getStatus() {
        return stored;
    }
}
