package dev.distributary.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One DynamoDB stream record in the JSON shape Lambda delivers it (a member of a
 * {@code DynamodbEvent}'s {@code Records}) to and from {@link ChangeRecord}. Quarantine messages
 * and the local event-source-mapping runtime use the same shape.
 */
public final class StreamRecordJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** 9999-12-31T23:59:59Z: a later creation time is not a real one. */
    private static final BigDecimal LATEST_EPOCH_SECOND = BigDecimal.valueOf(253_402_300_799L);

    private StreamRecordJson() {}

    /** Reads a record; {@link MalformedRecordException} names the first field that is missing or wrong. */
    public static ChangeRecord read(JsonNode record) {
        if (record == null || !record.isObject()) {
            throw new MalformedRecordException("a stream record must be a JSON object");
        }
        String eventId = requiredText(record, "eventID");
        String eventName = optionalText(record, "eventName").orElse("");
        StreamSource source;
        try {
            source = StreamSource.fromArn(requiredText(record, "eventSourceARN"));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("eventSourceARN: " + e.getMessage());
        }
        JsonNode dynamodb = record.get("dynamodb");
        if (dynamodb == null || !dynamodb.isObject()) {
            throw new MalformedRecordException("dynamodb must be an object");
        }
        String sequenceNumber = requiredText(dynamodb, "SequenceNumber");
        Instant created = creationTime(dynamodb.get("ApproximateCreationDateTime"));
        Image keys = AttributeValueJson.readImage(dynamodb.get("Keys"), "dynamodb.Keys");
        Optional<Image> oldImage = optionalImage(dynamodb, "OldImage");
        Optional<Image> newImage = optionalImage(dynamodb, "NewImage");
        requireItemSize(oldImage, "dynamodb.OldImage");
        requireItemSize(newImage, "dynamodb.NewImage");
        Optional<UserIdentity> identity = Optional.ofNullable(record.get("userIdentity"))
                .filter(node -> !node.isNull())
                .map(node -> new UserIdentity(requiredText(node, "type"), requiredText(node, "principalId")));
        long size = dynamodb.path("SizeBytes").asLong(0);
        return new ChangeRecord(
                eventId, eventName, source, sequenceNumber, created, keys, oldImage, newImage, identity, size);
    }

    /** Writes the record in Lambda's shape; {@code awsRegion} is the stream's region. */
    public static ObjectNode write(ChangeRecord change) {
        ObjectNode record = JSON.objectNode();
        record.put("eventID", change.eventId());
        record.put("eventName", change.eventName());
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", change.source().region());
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", epochSeconds(change.approximateCreationTime()));
        dynamodb.set("Keys", AttributeValueJson.writeImage(change.keys()));
        change.newImage().ifPresent(image -> dynamodb.set("NewImage", AttributeValueJson.writeImage(image)));
        change.oldImage().ifPresent(image -> dynamodb.set("OldImage", AttributeValueJson.writeImage(image)));
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        dynamodb.put("SizeBytes", change.sizeBytes());
        dynamodb.put("StreamViewType", viewType(change));
        change.userIdentity().ifPresent(identity -> {
            ObjectNode node = record.putObject("userIdentity");
            node.put("type", identity.type());
            node.put("principalId", identity.principalId());
        });
        record.put("eventSourceARN", change.source().streamArn());
        return record;
    }

    private static String viewType(ChangeRecord change) {
        boolean hasNew = change.newImage().isPresent();
        boolean hasOld = change.oldImage().isPresent();
        return hasNew && hasOld ? "NEW_AND_OLD_IMAGES" : hasNew ? "NEW_IMAGE" : hasOld ? "OLD_IMAGE" : "KEYS_ONLY";
    }

    /**
     * An instant as the stream writes {@code ApproximateCreationDateTime}: epoch seconds in plain
     * decimal, whole seconds without a fraction ({@code 1795700000}, never {@code 1.7957E+9}), a
     * fraction only where the instant has milliseconds.
     */
    public static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds =
                BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    private static Instant creationTime(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new MalformedRecordException(
                    "dynamodb.ApproximateCreationDateTime must be a number of epoch seconds");
        }
        BigDecimal seconds = node.decimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(LATEST_EPOCH_SECOND) > 0) {
            throw new MalformedRecordException("dynamodb.ApproximateCreationDateTime is out of range: " + seconds);
        }
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    private static void requireItemSize(Optional<Image> image, String path) {
        if (image.isPresent()) {
            long size = ItemSize.of(image.get());
            if (size > ItemSize.MAX_ITEM_BYTES) {
                throw new MalformedRecordException(path + " is " + size + " bytes, more than DynamoDB's "
                        + ItemSize.MAX_ITEM_BYTES + "-byte (400 KB) item limit");
            }
        }
    }

    private static Optional<Image> optionalImage(JsonNode dynamodb, String field) {
        JsonNode node = dynamodb.get(field);
        return node == null || node.isNull()
                ? Optional.empty()
                : Optional.of(AttributeValueJson.readImage(node, "dynamodb." + field));
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new MalformedRecordException(field + " must be a non-empty string");
        }
        return Unicode.requireValid(value.textValue(), field);
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new MalformedRecordException(field + " must be a string");
        }
        return Optional.ofNullable(value)
                .filter(JsonNode::isTextual)
                .map(v -> Unicode.requireValid(v.textValue(), field));
    }
}
