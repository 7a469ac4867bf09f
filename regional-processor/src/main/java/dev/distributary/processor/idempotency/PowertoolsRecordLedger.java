package dev.distributary.processor.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.lambda.powertools.idempotency.IdempotencyConfig;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemAlreadyExistsException;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemNotFoundException;
import software.amazon.lambda.powertools.idempotency.persistence.BasePersistenceStore;
import software.amazon.lambda.powertools.idempotency.persistence.DataRecord;

/**
 * The per-record ledger on Powertools idempotency: one idempotency record per stream event ID, in
 * the regional idempotency table. A first-time record costs two writes (the conditional put of
 * IN_PROGRESS, then the update to COMPLETED); a repeated one costs one failed put and one read.
 */
public final class PowertoolsRecordLedger implements RecordLedger {
    private static final String KEY_FIELD = "eventId";
    private static final int CLAIM_ATTEMPTS = 3;
    /** The response data of a record published to some of its topics: the regions follow, separated by commas. */
    private static final String PARTIAL = "partly-published:";

    private final BasePersistenceStore store;

    /**
     * @param store        the persistence store (use {@link FixedDynamoDbPersistenceStore})
     * @param functionName prefixes every key, as Powertools does
     * @param expiry       how long a COMPLETED record keeps a redelivered record from being published again
     */
    public PowertoolsRecordLedger(BasePersistenceStore store, String functionName, Duration expiry) {
        this.store = store;
        store.configure(
                IdempotencyConfig.builder()
                        .withEventKeyJMESPath(KEY_FIELD)
                        .withExpiration(expiry)
                        .withThrowOnNoIdempotencyKey(true)
                        .build(),
                functionName);
    }

    /**
     * Claims the record: a put that succeeds when no record exists, or when the existing one has
     * expired (its whole expiry, or an IN_PROGRESS claim's in-progress expiry). When the put is
     * refused the record is read and judged by {@code now}: COMPLETED is already published,
     * IN_PROGRESS is held elsewhere, and an EXPIRED record (or one deleted meanwhile) may be
     * claimed again, so the put is tried again.
     *
     * @throws ClaimContendedException when three puts in a row were refused for a record that was expired or gone each time
     */
    @Override
    public Claim claim(String eventId, Instant now, int remainingMillis) {
        JsonNode data = data(eventId);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            try {
                store.saveInProgress(data, now, OptionalInt.of(Math.max(remainingMillis, 0)));
                return new Claim.Claimed();
            } catch (IdempotencyItemAlreadyExistsException exists) {
                try {
                    DataRecord record = store.getRecord(data, now);
                    DataRecord.Status status = status(record, now);
                    if (status == DataRecord.Status.COMPLETED) {
                        return partialRegions(record)
                                .<Claim>map(Claim.PartlyPublished::new)
                                .orElseGet(Claim.AlreadyPublished::new);
                    }
                    if (status == DataRecord.Status.INPROGRESS) {
                        return new Claim.InProgressElsewhere(
                                record.getInProgressExpiryTimestamp().isPresent()
                                        ? Instant.ofEpochMilli(record.getInProgressExpiryTimestamp()
                                                .getAsLong())
                                        : Instant.ofEpochSecond(record.getExpiryTimestamp()));
                    }
                    // EXPIRED: it may be claimed again
                } catch (IdempotencyItemNotFoundException released) {
                    // released or expired between the put and the read: claim again
                }
            }
        }
        throw new ClaimContendedException(eventId, CLAIM_ATTEMPTS);
    }

    /**
     * The record's status at {@code now}: its expiry judged by the time the ledger was given. (A
     * record from {@link FixedDynamoDbPersistenceStore} answers its stored status; one from another
     * store answers EXPIRED also once the real clock has passed its expiry.)
     */
    static DataRecord.Status status(DataRecord record, Instant now) {
        return record.isExpired(now) ? DataRecord.Status.EXPIRED : record.getStatus();
    }

    @Override
    public void complete(String eventId, Instant now) {
        store.saveSuccess(data(eventId), "published", now);
    }

    /** With the corrected store, every record is written in BatchWriteItem calls of 25. */
    @Override
    public void completeAll(List<String> eventIds, Instant now) {
        Runnable completeEach = () -> eventIds.forEach(eventId -> complete(eventId, now));
        if (store instanceof FixedDynamoDbPersistenceStore fixed) {
            fixed.completeTogether(completeEach);
        } else {
            completeEach.run();
        }
    }

    /** Completes the record with the regions it reached as its response data: a later claim reads them. */
    @Override
    public void publishedTo(String eventId, Set<String> regions, Instant now) {
        store.saveSuccess(data(eventId), PARTIAL + String.join(",", new TreeSet<>(regions)), now);
    }

    /** The regions of a partly published record, from its response data (Powertools keeps a text result as it is). */
    private static Optional<Set<String>> partialRegions(DataRecord record) {
        String data = record.getResponseData();
        if (data == null || !data.startsWith(PARTIAL)) {
            return Optional.empty();
        }
        String regions = data.substring(PARTIAL.length());
        return Optional.of(regions.isEmpty() ? Set.of() : Set.of(regions.split(",")));
    }

    @Override
    public void release(String eventId) {
        store.deleteRecord(data(eventId), new IllegalStateException("publishing failed; released for a retry"));
    }

    private static JsonNode data(String eventId) {
        return JsonNodeFactory.instance.objectNode().put(KEY_FIELD, eventId);
    }
}
