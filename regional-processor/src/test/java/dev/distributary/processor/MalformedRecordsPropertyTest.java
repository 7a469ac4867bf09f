package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static dev.distributary.processor.Processors.topicArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.topology.IdempotencyLedger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Malformed stream records, generated: missing fields, wrong types, items beyond DynamoDB's
 * 400 KB, nesting beyond its 32 levels and invalid Unicode (lone surrogates), mixed at random
 * positions with good records. No exception may escape the pipeline; every bad record is
 * quarantined with a reason and its full payload in a message SQS accepts; every good record in
 * the same batch is published; the batch needs no retry.
 */
class MalformedRecordsPropertyTest {
    /** Numbers read as exact decimals, as the handler reads its event, so a record read back equals the one sent. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final AtomicLong SEQUENCE = new AtomicLong(1_000);

    /** One generated malformation: what it does to a good record, and a name for the report. */
    record Malformation(String name, UnaryOperator<ObjectNode> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A batch position: a good record, or a bad one made by a malformation. */
    record Slot(boolean bad, Malformation malformation) {
        @Override
        public String toString() {
            return bad ? "bad(" + malformation + ")" : "good";
        }
    }

    @Property(tries = 300)
    void batchWithMalformedRecords_quarantinesEachBadRecordWithItsPayload_andPublishesTheGoodOnes(
            @ForAll("batches") List<Slot> slots, @ForAll IdempotencyLedger ledger) throws IOException {
        RecordingPublisher publisher = new RecordingPublisher();
        RecordingQuarantine quarantine = new RecordingQuarantine();
        StreamProcessor processor = new StreamProcessor(
                config(SHIPPED, "us-east-1"),
                publisher,
                TestLedgers.inMemory(ledger),
                quarantine,
                new CountingMetrics(),
                CLOCK);
        List<ObjectNode> records = new ArrayList<>();
        for (Slot slot : slots) {
            ObjectNode good = good();
            records.add(slot.bad() ? slot.malformation().apply().apply(good) : good);
        }
        List<JsonNode> inputs = new ArrayList<>();
        for (ObjectNode record : records) {
            inputs.add(JSON.readTree(record.toString()));
        }

        BatchResult result = processor.process(Processors.SHARD, records, () -> 60_000);

        assertThat(result.retryFrom())
                .as("no record of the batch needs a retry")
                .isEmpty();
        assertThat(result.outcomes()).hasSize(slots.size());
        List<String> published = publisher.eventIds(topicArn("us-east-1"));
        int quarantined = 0;
        for (int i = 0; i < slots.size(); i++) {
            RecordOutcome outcome = result.outcomes().get(i);
            if (!slots.get(i).bad()) {
                assertThat(outcome).as("good record " + i).isInstanceOf(RecordOutcome.Published.class);
                assertThat(published).contains(records.get(i).get("eventID").asText());
                continue;
            }
            quarantined++;
            Slot slot = slots.get(i);
            assertThat(outcome)
                    .as("bad record " + i + " (" + slot + ")")
                    .isInstanceOfSatisfying(RecordOutcome.Quarantined.class, q -> {
                        assertThat(q.reason()).isNotBlank();
                        assertThat(q.reason().startsWith("residency: "))
                                .as("a residency block exactly where the data class is broken: " + slot)
                                .isEqualTo(slot.malformation().name().startsWith("dataClass"));
                    });
        }
        assertThat(quarantine.entries()).hasSize(quarantined);
        for (Quarantine.Entry entry : quarantine.entries()) {
            assertThat(entry.reason()).isNotBlank();
            assertThat(entry.message().codePoints().allMatch(MalformedRecordsPropertyTest::sqsAccepts))
                    .as("the quarantine message is made of characters SQS accepts")
                    .isTrue();
            JsonNode message = JSON.readTree(entry.message());
            assertThat(message.get("reason").asText()).isEqualTo(entry.reason());
            if (entry.reason().startsWith("residency: ")) {
                assertThat(message.get("recordWithheld").asBoolean())
                        .as("a residency block withholds the record")
                        .isTrue();
                assertThat(message.has("record") || message.has("recordGzipBase64"))
                        .isFalse();
                continue;
            }
            assertThat(inputs)
                    .as("the quarantine message carries the record exactly as it came")
                    .contains(JSON.readTree(payload(message)));
        }
        assertThat(published).hasSize(slots.size() - quarantined);
    }

    @Provide
    Arbitrary<List<Slot>> batches() {
        Arbitrary<Slot> good = Arbitraries.just(new Slot(false, null));
        Arbitrary<Slot> bad = malformations().map(m -> new Slot(true, m));
        return Arbitraries.frequencyOf(Tuple.of(2, good), Tuple.of(3, bad))
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    private Arbitrary<Malformation> malformations() {
        return Arbitraries.oneOf(
                missingField(),
                unidentifiable(),
                wrongType(),
                wrongAttributeValue(),
                hugeItem(),
                deepNesting(),
                invalidUnicode());
    }

    private Arbitrary<Malformation> missingField() {
        return Arbitraries.of(
                        "eventID",
                        "eventSourceARN",
                        "dynamodb",
                        "dynamodb.SequenceNumber",
                        "dynamodb.Keys",
                        "dynamodb.ApproximateCreationDateTime",
                        "dynamodb.NewImage",
                        "dynamodb.NewImage._origin",
                        "eventName")
                .map(path -> new Malformation("missing " + path, record -> {
                    int dot = path.indexOf('.');
                    if (dot < 0) {
                        record.remove(path);
                    } else {
                        ObjectNode parent = (ObjectNode) at(record, path.substring(0, path.lastIndexOf('.')));
                        parent.remove(path.substring(path.lastIndexOf('.') + 1));
                    }
                    return record;
                }));
    }

    /** Neither event ID nor sequence number: nothing names the record, and no failure could be reported for it. */
    private Arbitrary<Malformation> unidentifiable() {
        return Arbitraries.just(new Malformation("no eventID and no SequenceNumber", record -> {
            record.remove("eventID");
            ((ObjectNode) record.get("dynamodb")).remove("SequenceNumber");
            return record;
        }));
    }

    private Arbitrary<Malformation> wrongType() {
        Arbitrary<String> field = Arbitraries.of(
                "eventID",
                "eventSourceARN",
                "dynamodb",
                "dynamodb.SequenceNumber",
                "dynamodb.Keys",
                "dynamodb.ApproximateCreationDateTime",
                "dynamodb.NewImage",
                "eventName",
                "userIdentity");
        Arbitrary<JsonNode> value = Arbitraries.of(
                NODES.numberNode(42),
                NODES.booleanNode(true),
                NODES.arrayNode().add("x"),
                NODES.textNode("not-the-right-type"),
                NODES.objectNode().put("unexpected", 1),
                NODES.nullNode());
        return Combinators.combine(field, value)
                .as((path, candidate) -> new Malformation(path + " as " + candidate.getNodeType(), record -> {
                    JsonNode current = at(record, path);
                    JsonNode wrong = current != null && current.getNodeType() == candidate.getNodeType()
                            ? (candidate.isTextual() ? NODES.numberNode(7) : NODES.textNode("wrong"))
                            : candidate;
                    ObjectNode parent = path.contains(".")
                            ? (ObjectNode) at(record, path.substring(0, path.lastIndexOf('.')))
                            : record;
                    parent.set(path.substring(path.lastIndexOf('.') + 1), wrong);
                    return record;
                }))
                .filter(m -> !m.name().equals("userIdentity as NULL")); // an absent identity is the normal case
    }

    /** An attribute of the new image (the origin stamp, the write time, the data class or another) with a broken value. */
    private Arbitrary<Malformation> wrongAttributeValue() {
        Arbitrary<String> attribute = Arbitraries.of("_origin", "_writtenAt", "dataClass", "status");
        Arbitrary<JsonNode> value = Arbitraries.of(
                NODES.objectNode().put("S", 5),
                NODES.objectNode().put("N", "not-a-number"),
                NODES.objectNode().put("BOOL", "yes"),
                NODES.objectNode().set("M", NODES.arrayNode()),
                NODES.objectNode().put("X", "1"),
                NODES.objectNode().put("S", "a").put("N", "1"),
                NODES.objectNode(),
                NODES.textNode("bare string"),
                NODES.objectNode().put("NULL", false),
                NODES.objectNode().put("B", "***not base64***"),
                NODES.objectNode().set("SS", NODES.textNode("not a list")));
        return Combinators.combine(attribute, value)
                .as((name, wrong) -> new Malformation(name + " = " + wrong, record -> {
                    ((ObjectNode) record.path("dynamodb").path("NewImage")).set(name, wrong);
                    return record;
                }));
    }

    private Arbitrary<Malformation> hugeItem() {
        return Arbitraries.integers()
                .between(401, 700)
                .map(kilobytes -> new Malformation("item of " + kilobytes + " KB", record -> {
                    ((ObjectNode) record.path("dynamodb").path("NewImage"))
                            .set("blob", NODES.objectNode().put("S", "x".repeat(kilobytes * 1024)));
                    return record;
                }));
    }

    private Arbitrary<Malformation> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(33, 80), Arbitraries.of("M", "L"))
                .as((depth, kind) -> new Malformation(depth + " levels of " + kind, record -> {
                    JsonNode value = NODES.objectNode().put("S", "leaf");
                    for (int i = 1; i < depth; i++) {
                        value = kind.equals("M")
                                ? NODES.objectNode().set("M", NODES.objectNode().set("n", value))
                                : NODES.objectNode().set("L", NODES.arrayNode().add(value));
                    }
                    ((ObjectNode) record.path("dynamodb").path("NewImage")).set("nested", value);
                    return record;
                }));
    }

    private Arbitrary<Malformation> invalidUnicode() {
        Arbitrary<String> surrogate =
                Arbitraries.of("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83Db", "\uDE00\uD83D");
        Arbitrary<String> where = Arbitraries.of("value", "attribute name", "key value", "string set", "event ID");
        return Combinators.combine(surrogate, where)
                .as((bad, place) -> new Malformation("lone surrogate in " + place, record -> {
                    ObjectNode image = (ObjectNode) record.path("dynamodb").path("NewImage");
                    switch (place) {
                        case "value" -> image.set("status", NODES.objectNode().put("S", "PAID" + bad));
                        case "attribute name" ->
                            image.set("note" + bad, NODES.objectNode().put("S", "x"));
                        case "event ID" ->
                            record.put("eventID", record.get("eventID").asText() + bad);
                        case "key value" -> {
                            ObjectNode key = NODES.objectNode().put("S", "order" + bad);
                            image.set("pk", key);
                            ((ObjectNode) record.path("dynamodb").path("Keys")).set("pk", key.deepCopy());
                        }
                        default ->
                            image.set(
                                    "tags",
                                    NODES.objectNode()
                                            .set(
                                                    "SS",
                                                    NODES.arrayNode().add("ok").add("tag" + bad)));
                    }
                    return record;
                }));
    }

    /** A local insert of an order in us-east-1, stamped, with its own event ID and sequence number. */
    private static ObjectNode good() {
        long n = SEQUENCE.incrementAndGet();
        var keys = Items.of("pk", AttributeValue.s("order-" + n), "sk", AttributeValue.s("v0"));
        var image = Items.stamped(
                Items.of(
                        "pk",
                        AttributeValue.s("order-" + n),
                        "sk",
                        AttributeValue.s("v0"),
                        "entityType",
                        AttributeValue.s("order"),
                        "status",
                        AttributeValue.s("PLACED")),
                "us-east-1",
                1_795_687_200_000L + n);
        ObjectNode record =
                StreamRecordJson.write(ChangeRecords.in("us-east-1", "orders").insert(keys, image));
        record.put("eventID", "event-" + n);
        ((ObjectNode) record.get("dynamodb")).put("SequenceNumber", Long.toString(n));
        return record;
    }

    private static JsonNode at(ObjectNode record, String path) {
        JsonNode node = record;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** The record a quarantine message carries, as text: inline, or gzip-compressed for a large one. */
    private static String payload(JsonNode message) throws IOException {
        if (message.has("record")) {
            return message.get("record").toString();
        }
        byte[] compressed =
                Base64.getDecoder().decode(message.get("recordGzipBase64").asText());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** SQS message bodies: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
    private static boolean sqsAccepts(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
