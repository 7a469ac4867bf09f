package dev.distributary.processor.idempotency;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
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
 */
public final class FixedDynamoDbPersistenceStore extends BasePersistenceStore {
    static final String KEY = "id";
    static final String EXPIRY = "expiration";
    static final String IN_PROGRESS_EXPIRY = "in_progress_expiration";
    static final String STATUS = "status";
    static final String DATA = "data";
    static final String VALIDATION = "validation";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public FixedDynamoDbPersistenceStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public DataRecord getRecord(String idempotencyKey) throws IdempotencyItemNotFoundException {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName).key(key(idempotencyKey)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            throw new IdempotencyItemNotFoundException(idempotencyKey);
        }
        Map<String, AttributeValue> item = response.item();
        AttributeValue inProgressExpiry = item.get(IN_PROGRESS_EXPIRY);
        return new DataRecord(item.get(KEY).s(),
                DataRecord.Status.valueOf(item.get(STATUS).s()),
                Long.parseLong(item.get(EXPIRY).n()),
                item.containsKey(DATA) ? item.get(DATA).s() : null,
                item.containsKey(VALIDATION) ? item.get(VALIDATION).s() : null,
                inProgressExpiry == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(inProgressExpiry.n())));
    }

    @Override
    public void putRecord(DataRecord record, Instant now) throws IdempotencyItemAlreadyExistsException {
        Map<String, AttributeValue> item = new HashMap<>(key(record.getIdempotencyKey()));
        item.put(EXPIRY, AttributeValue.fromN(Long.toString(record.getExpiryTimestamp())));
        item.put(STATUS, AttributeValue.fromS(record.getStatus().toString()));
        record.getInProgressExpiryTimestamp().ifPresent(ms -> item.put(IN_PROGRESS_EXPIRY, AttributeValue.fromN(Long.toString(ms))));
        if (payloadValidationEnabled) {
            item.put(VALIDATION, AttributeValue.fromS(record.getPayloadHash()));
        }
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #expiry < :now OR "
                            + "(attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis AND #status = :in_progress)")
                    .expressionAttributeNames(Map.of("#id", KEY, "#expiry", EXPIRY, "#in_progress_expiry", IN_PROGRESS_EXPIRY, "#status", STATUS))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":now_in_millis", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":in_progress", AttributeValue.fromS(DataRecord.Status.INPROGRESS.toString()))));
        } catch (ConditionalCheckFailedException e) {
            throw new IdempotencyItemAlreadyExistsException("an unexpired record exists for idempotency key " + record.getIdempotencyKey(), e);
        }
    }

    @Override
    public void updateRecord(DataRecord record) {
        Map<String, String> names = new HashMap<>(Map.of("#data", DATA, "#expiry", EXPIRY, "#status", STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":data", AttributeValue.fromS(record.getResponseData() == null ? "" : record.getResponseData()),
                ":expiry", AttributeValue.fromN(Long.toString(record.getExpiryTimestamp())),
                ":status", AttributeValue.fromS(record.getStatus().toString())));
        StringBuilder update = new StringBuilder("SET #data = :data, #expiry = :expiry, #status = :status");
        if (payloadValidationEnabled) {
            update.append(", #validation = :validation");
            names.put("#validation", VALIDATION);
            values.put(":validation", AttributeValue.fromS(record.getPayloadHash()));
        }
        dynamo.updateItem(b -> b.tableName(tableName).key(key(record.getIdempotencyKey()))
                .updateExpression(update.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void deleteRecord(String idempotencyKey) {
        dynamo.deleteItem(b -> b.tableName(tableName).key(key(idempotencyKey)));
    }

    private static Map<String, AttributeValue> key(String idempotencyKey) {
        return Map.of(KEY, AttributeValue.fromS(idempotencyKey));
    }
}
