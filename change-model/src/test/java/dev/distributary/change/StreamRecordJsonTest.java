package dev.distributary.change;

import static dev.distributary.change.fixtures.ChangeRecords.fixture;
import static dev.distributary.change.fixtures.ChangeRecords.rawFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRecordJsonTest {

    @Test
    void insertWithEveryAttributeType_isReadWithoutLoss() {
        ChangeRecord record = fixture("insert-all-types");
        Image image = record.newImage().orElseThrow();

        assertThat(record.type()).contains(Operation.INSERT);
        assertThat(record.source())
                .isEqualTo(new StreamSource(
                        "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000",
                        "us-east-1",
                        "orders"));
        assertThat(record.approximateCreationTime()).isEqualTo(Instant.ofEpochSecond(1795687200));
        assertThat(image.number("total")).contains("1234567890.123456789012345678901234567");
        assertThat(image.get("signature")).contains(new AttributeValue.B(new byte[] {0, 1, 2, (byte) 0xff}));
        assertThat(image.get("sizes")).contains(new AttributeValue.NS(List.of("1", "2.5", "1E+3")));
        assertThat(image.get("note")).contains(new AttributeValue.Null());
        assertThat(image.string("unicode")).contains("Grüße, 東京 🚀");
        assertThat(((AttributeValue.M) image.get("address").orElseThrow())
                        .values()
                        .get("lines"))
                .isEqualTo(new AttributeValue.L(List.of(AttributeValue.s("1 Main St"), new AttributeValue.Null())));
        assertThat(record.oldImage()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "insert-all-types",
                "modify-replicated-from-eu",
                "remove-hard",
                "tombstone",
                "remove-ttl-service",
                "remove-ttl-replicated",
                "legacy-2017-replica",
                "insert-unstamped"
            })
    void fixture_writtenBack_readsAsTheSameRecord(String name) {
        ChangeRecord record = fixture(name);

        assertThat(StreamRecordJson.read(StreamRecordJson.write(record))).isEqualTo(record);
    }

    @Test
    void ttlRemoval_keepsTheServiceIdentity() {
        assertThat(fixture("remove-ttl-service").userIdentity()).contains(UserIdentity.TTL_SERVICE);
        assertThat(fixture("remove-ttl-replicated").userIdentity()).isEmpty();
    }

    @Test
    void numberThatIsNotANumber_isMalformed_namingThePath() {
        assertThatThrownBy(() -> fixture("malformed-attribute"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("dynamodb.NewImage.total.N is not a number");
    }

    @Test
    void missingSequenceNumber_isMalformed() {
        assertThatThrownBy(() -> fixture("missing-sequence-number"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("SequenceNumber must be a non-empty string");
    }

    @Test
    void unknownEventName_isKept_withNoType() {
        ObjectNode raw = (ObjectNode) rawFixture("insert-unstamped");
        raw.put("eventName", "UPSERT");

        ChangeRecord record = StreamRecordJson.read(raw);

        assertThat(record.eventName()).isEqualTo("UPSERT");
        assertThat(record.type()).isEmpty();
    }

    @Test
    void attributeValueWithTwoTypes_isMalformed() {
        ObjectNode raw = (ObjectNode) rawFixture("insert-unstamped");
        ((ObjectNode) raw.at("/dynamodb/NewImage/status")).put("N", "1");

        assertThatThrownBy(() -> StreamRecordJson.read(raw))
                .hasMessage(
                        "dynamodb.NewImage.status must be an attribute value: an object with exactly one type key (S, N, B, SS, NS, BS, M, L, NULL, BOOL)");
    }

    @Test
    void nestingDeeperThanDynamoDbAllows_isMalformed() {
        ObjectNode raw = (ObjectNode) rawFixture("insert-unstamped");
        ObjectNode value = ((ObjectNode) raw.at("/dynamodb/NewImage")).putObject("deep");
        for (int i = 0; i < 40; i++) {
            value = value.putObject("M").putObject("x");
        }
        value.put("S", "bottom");

        assertThatThrownBy(() -> StreamRecordJson.read(raw))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("is nested deeper than DynamoDB's 32 levels");
    }

    @Test
    void eventSourceThatIsNotAStreamArn_isMalformed() {
        ObjectNode raw = (ObjectNode) rawFixture("insert-unstamped");
        raw.put("eventSourceARN", "arn:aws:sqs:us-east-1:1:queue");

        assertThatThrownBy(() -> StreamRecordJson.read(raw))
                .hasMessage("eventSourceARN: not a DynamoDB stream ARN: 'arn:aws:sqs:us-east-1:1:queue'");
    }

    @Test
    void creationTimeWithFraction_keepsMilliseconds() {
        ObjectNode raw = (ObjectNode) rawFixture("insert-unstamped");
        ((ObjectNode) raw.get("dynamodb")).put("ApproximateCreationDateTime", 1795687205.25);

        assertThat(StreamRecordJson.read(raw).approximateCreationTime())
                .isEqualTo(Instant.ofEpochMilli(1795687205250L));
    }

    @Test
    void creationTime_writtenBack_isPlainEpochSeconds_neverScientific() {
        ObjectNode raw = (ObjectNode) rawFixture("insert-unstamped");
        ((ObjectNode) raw.get("dynamodb")).put("ApproximateCreationDateTime", 1795700000);

        String written = StreamRecordJson.write(StreamRecordJson.read(raw)).toString();

        assertThat(written).contains("\"ApproximateCreationDateTime\":1795700000,");
        assertThat(StreamRecordJson.epochSeconds(Instant.ofEpochMilli(1795700000250L))
                        .toString())
                .isEqualTo("1795700000.25");
    }

    private static ObjectNode insertWith(String attribute, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode record = (ObjectNode) rawFixture("insert-unstamped").deepCopy();
        ((ObjectNode) record.at("/dynamodb/NewImage")).set(attribute, value);
        return record;
    }

    @Test
    void loneSurrogate_inAValueOrAName_isMalformed_namingWhereWithoutRepeatingIt() {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

        assertThatThrownBy(() -> StreamRecordJson.read(
                        insertWith("status", nodes.objectNode().put("S", "PAID\uD800"))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("dynamodb.NewImage.status.S is not valid Unicode: a lone surrogate \\uD800 at character 4");
        assertThatThrownBy(() -> StreamRecordJson.read(
                        insertWith("note\uDC00", nodes.objectNode().put("S", "x"))))
                .hasMessage(
                        "dynamodb.NewImage attribute name is not valid Unicode: a lone surrogate \\uDC00 at character 4");
        assertThat(StreamRecordJson.read(insertWith("emoji", nodes.objectNode().put("S", "\uD83D\uDE80")))
                        .newImage()
                        .orElseThrow()
                        .string("emoji"))
                .contains("\uD83D\uDE80");
    }

    @Test
    void imageLargerThan400KB_isMalformed_andOneJustBelowIsRead() {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

        assertThatThrownBy(() -> StreamRecordJson.read(insertWith(
                        "blob", nodes.objectNode().put("S", "x".repeat(ItemSize.MAX_ITEM_BYTES)))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("dynamodb.NewImage is ")
                .hasMessageEndingWith("bytes, more than DynamoDB's 409600-byte (400 KB) item limit");
        assertThat(StreamRecordJson.read(insertWith(
                                "blob", nodes.objectNode().put("S", "x".repeat(ItemSize.MAX_ITEM_BYTES - 1_000))))
                        .newImage())
                .isPresent();
    }
}
