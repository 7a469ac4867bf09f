package dev.distributary.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemAlreadyExistsException;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemNotFoundException;
import software.amazon.lambda.powertools.idempotency.persistence.BasePersistenceStore;
import software.amazon.lambda.powertools.idempotency.persistence.DataRecord;

/**
 * A Powertools idempotency store in memory, with the corrected DynamoDB store's conditional put
 * (a record may be written when none exists, it has expired, or it is an in-progress record whose
 * invocation has ended), so that the processor's real {@code PowertoolsPublishLedger} runs over it
 * — key hashing, record building and all — without a network.
 */
final class InMemoryPersistenceStore extends BasePersistenceStore {
    private final Map<String, DataRecord> records = new ConcurrentHashMap<>();

    @Override
    public DataRecord getRecord(String key) {
        DataRecord record = records.get(key);
        if (record == null) {
            throw new IdempotencyItemNotFoundException(key);
        }
        return record;
    }

    @Override
    public void putRecord(DataRecord record, Instant now) {
        records.compute(record.getIdempotencyKey(), (key, existing) -> {
            if (existing != null
                    && existing.getExpiryTimestamp() >= now.getEpochSecond()
                    && !(existing.getStatus() == DataRecord.Status.INPROGRESS
                            && existing.getInProgressExpiryTimestamp().isPresent()
                            && existing.getInProgressExpiryTimestamp().getAsLong() < now.toEpochMilli())) {
                throw new IdempotencyItemAlreadyExistsException("an unexpired record exists for " + key, null);
            }
            return record;
        });
    }

    @Override
    public void updateRecord(DataRecord record) {
        records.put(record.getIdempotencyKey(), record);
    }

    @Override
    public void deleteRecord(String key) {
        records.remove(key);
    }

    /** Forgets every record, so the same batch counts as a first delivery again. */
    void clear() {
        records.clear();
    }

    int size() {
        return records.size();
    }
}
