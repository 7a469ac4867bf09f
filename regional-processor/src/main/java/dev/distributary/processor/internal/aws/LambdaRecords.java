package dev.distributary.processor.internal.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.StreamRecordJson;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The records of a typed Lambda event (the runtime's {@link DynamodbEvent}) back into the JSON shape
 * the stream delivered, without judging them: everything present is kept (an attribute value with
 * two types keeps both). {@code ApproximateCreationDateTime}, which the event type holds as a date,
 * is written back as the epoch seconds the stream sent ({@code 1795700000}, a fraction only where
 * there are milliseconds). The handler no longer takes this path — it reads the event as JSON
 * ({@link LambdaEventJson}) — so this serves whoever holds typed events: the benchmarks that compare
 * the runtime's typed decoding with the handler's.
 */
public final class LambdaRecords {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LambdaRecords() {}

    public static ObjectNode toJson(DynamodbEvent.DynamodbStreamRecord record) {
        ObjectNode node = JSON.objectNode();
        putIfPresent(node, "eventID", record.getEventID());
        putIfPresent(node, "eventName", record.getEventName());
        putIfPresent(node, "eventVersion", record.getEventVersion());
        putIfPresent(node, "eventSource", record.getEventSource());
        putIfPresent(node, "awsRegion", record.getAwsRegion());
        StreamRecord stream = record.getDynamodb();
        if (stream != null) {
            ObjectNode dynamodb = node.putObject("dynamodb");
            if (stream.getApproximateCreationDateTime() != null) {
                dynamodb.put(
                        "ApproximateCreationDateTime",
                        StreamRecordJson.epochSeconds(
                                stream.getApproximateCreationDateTime().toInstant()));
            }
            image(dynamodb, "Keys", stream.getKeys());
            image(dynamodb, "NewImage", stream.getNewImage());
            image(dynamodb, "OldImage", stream.getOldImage());
            putIfPresent(dynamodb, "SequenceNumber", stream.getSequenceNumber());
            if (stream.getSizeBytes() != null) {
                dynamodb.put("SizeBytes", stream.getSizeBytes());
            }
            putIfPresent(dynamodb, "StreamViewType", stream.getStreamViewType());
        }
        if (record.getUserIdentity() != null) {
            ObjectNode identity = node.putObject("userIdentity");
            putIfPresent(identity, "type", record.getUserIdentity().getType());
            putIfPresent(identity, "principalId", record.getUserIdentity().getPrincipalId());
        }
        putIfPresent(node, "eventSourceARN", record.getEventSourceARN());
        return node;
    }

    private static void image(ObjectNode parent, String name, Map<String, AttributeValue> image) {
        if (image != null) {
            ObjectNode node = parent.putObject(name);
            image.forEach((attribute, value) -> node.set(attribute, value(value)));
        }
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode node = JSON.objectNode();
        if (value == null) {
            return node;
        }
        putIfPresent(node, "S", value.getS());
        putIfPresent(node, "N", value.getN());
        if (value.getB() != null) {
            node.put("B", base64(value.getB()));
        }
        strings(node, "SS", value.getSS());
        strings(node, "NS", value.getNS());
        if (value.getBS() != null) {
            ArrayNode array = node.putArray("BS");
            value.getBS().forEach(b -> array.add(base64(b)));
        }
        if (value.getM() != null) {
            ObjectNode map = node.putObject("M");
            value.getM().forEach((k, v) -> map.set(k, value(v)));
        }
        if (value.getL() != null) {
            ArrayNode list = node.putArray("L");
            value.getL().forEach(v -> list.add(value(v)));
        }
        if (value.getNULL() != null) {
            node.put("NULL", value.getNULL());
        }
        if (value.getBOOL() != null) {
            node.put("BOOL", value.getBOOL());
        }
        return node;
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
