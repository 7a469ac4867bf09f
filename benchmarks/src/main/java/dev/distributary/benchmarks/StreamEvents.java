package dev.distributary.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.AttributeValueJson;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.ItemSize;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks' shared fixture: the shipped platform's shape, and raw DynamoDB stream events as
 * Lambda delivers them to eu-west-1's processor — batches of order MODIFYs with old and new images
 * of about 1 KB or 40 KB of stream JSON each, every other one written locally and the others
 * replicated from us-east-1 — deserialized the way the Lambda Java runtime does it.
 */
public final class StreamEvents {
    public static final String REGION = "eu-west-1";
    public static final String OTHER_REGION = "us-east-1";
    public static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:shop-events";
    public static final int BATCH = 100;
    /**
     * The shipped platform.yaml as the figures in docs/BENCHMARKS.md were measured, without comments; the shipped
     * file's later inventory table and restock consumer are left out, since no order record reaches them.
     */
    public static final String PLATFORM = """
            name: shop
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            routing: {mode: multi-writer, primary: us-east-1}
            residency:
              attribute: dataClass
              defaultClass: public
              zones: {global: [us-east-1, eu-west-1, ap-southeast-2], eu: [eu-west-1]}
              classes: {public: global, eu-personal: eu}
            tables:
              - {name: orders, partitionKey: {name: pk, type: S}, sortKey: {name: sk, type: S}, zone: global, entityTypeAttribute: entityType}
              - {name: eu-customers, partitionKey: {name: customerId, type: S}, zone: eu, dataClass: eu-personal}
            fanout:
              type: standard
              consumers:
                - {name: billing, tables: [orders], eventNames: [INSERT, MODIFY], origin: local}
                - {name: order-cache, tables: [orders], origin: any}
                - {name: crm-sync, regions: [eu-west-1], tables: [eu-customers], origin: local}
            """;

    public static final String STREAM_ARN =
            "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000";
    private static final long WRITTEN_AT = 1_795_687_200_000L;

    private StreamEvents() {}

    public static Topology topology() {
        return TopologyLoader.parse(PLATFORM, "bench-platform.yaml");
    }

    /** The item size of a benchmark parameter: {@code 1KB} or {@code 40KB}. */
    public static int itemBytes(String param) {
        return switch (param) {
            case "1KB" -> 1_024;
            case "40KB" -> 40 * 1_024;
            default -> throw new IllegalArgumentException("item size " + param + ": use 1KB or 40KB");
        };
    }

    /** The raw event JSON ({@code {"Records": [...]}}) of {@code count} records whose images are about {@code itemBytes} each. */
    public static String eventJson(int itemBytes, int count) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        List<AttributeValue> lines = lines(itemBytes);
        for (int i = 0; i < count; i++) {
            records.add(StreamRecordJson.write(record(i, lines)));
        }
        String json = event.toString();
        checkSize(json, itemBytes, count);
        return json;
    }

    /** The event as the Lambda Java runtime hands it to a {@code RequestHandler<DynamodbEvent, ?>}. */
    public static DynamodbEvent deserialize(byte[] eventJson) {
        return SERIALIZER.fromJson(new ByteArrayInputStream(eventJson));
    }

    public static DynamodbEvent deserialize(String eventJson) {
        return deserialize(eventJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The runtime's serializer for the event type (aws-lambda-java-serialization, as the Runtime Interface Client uses it). */
    public static final PojoSerializer<DynamodbEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, StreamEvents.class.getClassLoader());

    /** Refuses a fixture whose images are not within 10% of the size asked for, or that lost records. */
    static void checkSize(String eventJson, int itemBytes, int count) {
        JsonNode records;
        try {
            records = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(eventJson)
                    .get("Records");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (records.size() != count) {
            throw new IllegalStateException("the event should hold " + count + " records, not " + records.size());
        }
        for (JsonNode record : records) {
            for (String image : List.of("NewImage", "OldImage")) {
                int bytes = record.get("dynamodb").get(image).toString().length();
                if (Math.abs(bytes - itemBytes) > itemBytes / 10) {
                    throw new IllegalStateException(
                            "each image should be about " + itemBytes + " bytes of stream JSON, but "
                                    + record.get("eventID").asText() + "'s " + image + " is " + bytes);
                }
            }
        }
    }

    private static ChangeRecord record(int i, List<AttributeValue> lines) {
        String origin = i % 2 == 0 ? REGION : OTHER_REGION;
        Image before = order(i, "PLACED", origin, WRITTEN_AT + i - 5_000, lines);
        Image after = order(i, "PAID", origin, WRITTEN_AT + i, lines);
        Image keys = new Image(Map.of(
                "pk", after.get("pk").orElseThrow(), "sk", after.get("sk").orElseThrow()));
        return new ChangeRecord(
                String.format("%032x", 0xbe0c_0000L + i),
                "MODIFY",
                StreamSource.fromArn(STREAM_ARN),
                Long.toString(400_000_000_000_000_000L + i),
                Instant.ofEpochMilli(WRITTEN_AT + i + 300),
                keys,
                Optional.of(before),
                Optional.of(after),
                Optional.empty(),
                ItemSize.of(before) + ItemSize.of(after));
    }

    private static Image order(int i, String status, String origin, long writtenAt, List<AttributeValue> lines) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s(String.format("order#%010d", i)));
        item.put("sk", AttributeValue.s("v0"));
        item.put("entityType", AttributeValue.s("order"));
        item.put("dataClass", AttributeValue.s("public"));
        item.put("status", AttributeValue.s(status));
        item.put("customerId", AttributeValue.s("customer#9876543210"));
        item.put("currency", AttributeValue.s("EUR"));
        item.put("total", AttributeValue.n("1234.56"));
        item.put("placedAt", AttributeValue.s("2026-11-26T10:00:00.000Z"));
        item.put(
                "shippingAddress",
                new AttributeValue.M(Map.of(
                        "line1",
                        AttributeValue.s("1 Grand Canal Street Lower"),
                        "city",
                        AttributeValue.s("Dublin"),
                        "postcode",
                        AttributeValue.s("D02 X285"),
                        "country",
                        AttributeValue.s("IE"))));
        item.put("tags", new AttributeValue.SS(List.of("priority", "gift", "fragile")));
        item.put("lines", new AttributeValue.L(lines));
        item.put("_origin", AttributeValue.s(origin));
        item.put("_writtenAt", AttributeValue.n(writtenAt));
        return new Image(item);
    }

    /** Order lines, as many as bring an image to about {@code itemBytes} of stream JSON. */
    private static List<AttributeValue> lines(int itemBytes) {
        List<AttributeValue> lines = new ArrayList<>();
        int base = AttributeValueJson.writeImage(order(0, "PLACED", REGION, WRITTEN_AT, lines))
                .toString()
                .length();
        int perLine = AttributeValueJson.write(line(0)).toString().length() + 1;
        for (int n = 0; base + (n + 1) * perLine <= itemBytes + perLine / 2; n++) {
            lines.add(line(n));
        }
        return List.copyOf(lines);
    }

    private static AttributeValue line(int n) {
        Map<String, AttributeValue> line = new LinkedHashMap<>();
        line.put("sku", AttributeValue.s(String.format("sku-%06d-ABCDEFGH", n)));
        line.put("quantity", AttributeValue.n(1 + n % 5));
        line.put("price", AttributeValue.n("19.99"));
        return new AttributeValue.M(line);
    }
}
