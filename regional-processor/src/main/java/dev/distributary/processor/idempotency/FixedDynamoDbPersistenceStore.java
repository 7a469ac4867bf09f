package dev.distributary.processor.idempotency;

import dev.distributary.processor.idempotency.internal.StoredDataRecord;
import dev.distributary.topology.PlatformTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemAlreadyExistsException;
import software.amazon.lambda.powertools.idempotency.exceptions.IdempotencyItemNotFoundException;
import software.amazon.lambda.powertools.idempotency.persistence.BasePersistenceStore;
import software.amazon.lambda.powertools.idempotency.persistence.DataRecord;

/**
 * Powertools 1.15.0's DynamoDB idempotency store, corrected. The original's conditional put
 * compares the in-progress expiry (epoch milliseconds) with the current time in epoch seconds,
 * so an IN_PROGRESS record left by a timed-out or killed invocation is never taken over before
 * the whole record expires, and every retry of its stream batch fails: the shard stalls. This
 * store compares milliseconds with milliseconds (as Powertools 1.16.1 does). Attribute names
 * are Powertools' defaults, so the table layout is unchanged.
 *
 * <p>Nothing here reads the real clock. Powertools' {@link DataRecord#getStatus()} compares the
 * record's expiry with the real {@code Instant.now()}, whatever time the caller passed, so the
 * status written is the one the call implies ({@code putRecord} comes only from
 * {@code saveInProgress}, {@code updateRecord} only from {@code saveSuccess}), and a record read
 * back answers the status it was stored with ({@link StoredDataRecord}).
 */
public final class FixedDynamoDbPersistenceStore extends BasePersistenceStore {
    /** The table's key and TTL attribute, as infra and the local run create it (Powertools' defaults). */
    static final String KEY = PlatformTables.IDEMPOTENCY_KEY;

    static final String EXPIRY = PlatformTables.IDEMPOTENCY_EXPIRY;
    static final String IN_PROGRESS_EXPIRY = "in_progress_expiration";
    static final String STATUS = "status";
    static final String DATA = "data";
    static final String VALIDATION = "validation";

    /** BatchWriteItem takes 25 items a call. */
    private static final int BATCH_WRITE = 25;

    private final DynamoDbClient dynamo;
    private final String tableName;
    /** While collecting, completed records are kept here instead of being written one by one. */
    @SuppressWarnings("ThreadLocalUsage") // per store and per thread: each store collects its own records
    private final ThreadLocal<List<DataRecord>> collecting = new ThreadLocal<>();

    public FixedDynamoDbPersistenceStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public DataRecord getRecord(String idempotencyKey) throws IdempotencyItemNotFoundException {
        GetItemResponse response = dynamo.getItem(
                b -> b.tableName(tableName).key(key(idempotencyKey)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            throw new IdempotencyItemNotFoundException(idempotencyKey);
        }
        Map<String, AttributeValue> item = response.item();
        AttributeValue inProgressExpiry = item.get(IN_PROGRESS_EXPIRY);
        return new StoredDataRecord(
                item.get(KEY).s(),
                DataRecord.Status.valueOf(item.get(STATUS).s()),
                Long.parseLong(item.get(EXPIRY).n()),
                item.containsKey(DATA) ? item.get(DATA).s() : null,
                item.containsKey(VALIDATION) ? item.get(VALIDATION).s() : null,
                inProgressExpiry == null
                        ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(inProgressExpiry.n())));
    }

    @Override
    public void putRecord(DataRecord record, Instant now) throws IdempotencyItemAlreadyExistsException {
        Map<String, AttributeValue> item = new HashMap<>(key(record.getIdempotencyKey()));
        item.put(EXPIRY, AttributeValue.fromN(Long.toString(record.getExpiryTimestamp())));
        item.put(STATUS, AttributeValue.fromS(DataRecord.Status.INPROGRESS.toString()));
        record.getInProgressExpiryTimestamp()
                .ifPresent(ms -> item.put(IN_PROGRESS_EXPIRY, AttributeValue.fromN(Long.toString(ms))));
        if (payloadValidationEnabled) {
            item.put(VALIDATION, AttributeValue.fromS(record.getPayloadHash()));
        }
        try {
            dynamo.putItem(b -> b.tableName(tableName)
                    .item(item)
                    .conditionExpression(
                            "attribute_not_exists(#id) OR #expiry < :now OR "
                                    + "(attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis AND #status = :in_progress)")
                    .expressionAttributeNames(Map.of(
                            "#id",
                            KEY,
                            "#expiry",
                            EXPIRY,
                            "#in_progress_expiry",
                            IN_PROGRESS_EXPIRY,
                            "#status",
                            STATUS))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":now_in_millis", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":in_progress", AttributeValue.fromS(DataRecord.Status.INPROGRESS.toString()))));
        } catch (ConditionalCheckFailedException e) {
            throw new IdempotencyItemAlreadyExistsException(
                    "an unexpired record exists for idempotency key " + record.getIdempotencyKey(), e);
        }
    }

    /**
     * Runs {@code work} (calls of {@code saveSuccess}) and writes every record it completed in
     * BatchWriteItem calls of 25, instead of one UpdateItem each: the same items, the same one
     * write unit per record, far fewer requests.
     */
    public void completeTogether(Runnable work) {
        List<DataRecord> records = new ArrayList<>();
        collecting.set(records);
        try {
            work.run();
        } finally {
            collecting.remove();
        }
        for (int from = 0; from < records.size(); from += BATCH_WRITE) {
            List<WriteRequest> writes = records.subList(from, Math.min(records.size(), from + BATCH_WRITE)).stream()
                    .map(record -> WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(completedItem(record))
                                    .build())
                            .build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, writes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 5) {
                    throw new IllegalStateException(
                            pending.get(tableName).size() + " idempotency records were not written after 5 attempts");
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                pending = pending.values().stream().allMatch(List::isEmpty) ? Map.of() : pending;
                if (!pending.isEmpty()) {
                    pause(attempt);
                }
            }
        }
    }

    private Map<String, AttributeValue> completedItem(DataRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.getIdempotencyKey()));
        item.put(EXPIRY, AttributeValue.fromN(Long.toString(record.getExpiryTimestamp())));
        item.put(STATUS, AttributeValue.fromS(DataRecord.Status.COMPLETED.toString()));
        item.put(DATA, AttributeValue.fromS(record.getResponseData() == null ? "" : record.getResponseData()));
        if (payloadValidationEnabled) {
            item.put(VALIDATION, AttributeValue.fromS(record.getPayloadHash()));
        }
        return item;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(25L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void updateRecord(DataRecord record) {
        List<DataRecord> batch = collecting.get();
        if (batch != null) {
            batch.add(record);
            return;
        }
        Map<String, String> names = new HashMap<>(Map.of("#data", DATA, "#expiry", EXPIRY, "#status", STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":data", AttributeValue.fromS(record.getResponseData() == null ? "" : record.getResponseData()),
                ":expiry", AttributeValue.fromN(Long.toString(record.getExpiryTimestamp())),
                ":status", AttributeValue.fromS(DataRecord.Status.COMPLETED.toString())));
        StringBuilder update = new StringBuilder("SET #data = :data, #expiry = :expiry, #status = :status");
        if (payloadValidationEnabled) {
            update.append(", #validation = :validation");
            names.put("#validation", VALIDATION);
            values.put(":validation", AttributeValue.fromS(record.getPayloadHash()));
        }
        dynamo.updateItem(b -> b.tableName(tableName)
                .key(key(record.getIdempotencyKey()))
                .updateExpression(update.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public void deleteRecord(String idempotencyKey) {
        dynamo.deleteItem(b -> b.tableName(tableName).key(key(idempotencyKey)));
    }

    private static Map<String, AttributeValue> key(String idempotencyKey) {
        return Map.of(KEY, AttributeValue.fromS(idempotencyKey));
    }
}
