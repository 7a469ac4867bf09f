package dev.distributary.fanout;

import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.topology.Platforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/event-envelope.schema.json, published for consumers in other languages, agrees with what is written. */
class EnvelopeSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("..", "docs", "event-envelope.schema.json");
    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(Platforms.shipped());

    static Stream<Arguments> envelopes() {
        String big = "x".repeat(300_000);
        ChangeRecords orders = ChangeRecords.in("us-east-1", "orders");
        return Stream.of(
                Arguments.of("every attribute type", ChangeRecords.fixture("insert-all-types"), Operation.INSERT),
                Arguments.of("modify", ChangeRecords.fixture("modify-replicated-from-eu"), Operation.MODIFY),
                Arguments.of("hard remove", ChangeRecords.fixture("remove-hard"), Operation.REMOVE),
                Arguments.of("tombstone", ChangeRecords.fixture("tombstone"), Operation.TOMBSTONE),
                Arguments.of("expiry", ChangeRecords.fixture("remove-ttl-service"), Operation.EXPIRE),
                Arguments.of(
                        "truncated",
                        orders.insert(
                                Items.of("pk", s("a"), "sk", s("b")),
                                Items.of("pk", s("a"), "sk", s("b"), "blob", s(big))),
                        Operation.INSERT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void writtenEnvelope_passesThePublishedSchema(String name, ChangeRecord record, Operation op) throws IOException {
        Envelope envelope = FACTORY.create(record, EventContext.of(op, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(schema().validate(JSON.readTree(envelope.json()))).isEmpty();
    }

    @Test
    void replicatedExpiryWithoutOriginRegion_passesThePublishedSchema() throws IOException {
        Envelope envelope = FACTORY.create(
                ChangeRecords.fixture("remove-ttl-replicated"),
                EventContext.of(Operation.EXPIRE, Optional.empty(), OriginKind.REPLICA, "public"));

        assertThat(JSON.readTree(envelope.json()).has("originregion")).isFalse();
        assertThat(schema().validate(JSON.readTree(envelope.json()))).isEmpty();
    }

    @Test
    void localEnvelopeWithoutOriginRegion_failsTheSchema() throws IOException {
        ObjectNode envelope = written();
        envelope.remove("originregion");

        assertThat(schema().validate(envelope)).extracting(Object::toString).anyMatch(m -> m.contains("originregion"));
    }

    @Test
    void envelopeWithAnUnknownOriginKind_failsTheSchema() throws IOException {
        ObjectNode envelope = written();
        envelope.put("originkind", "foreign");

        assertThat(schema().validate(envelope)).extracting(Object::toString).anyMatch(m -> m.contains("originkind"));
    }

    @Test
    void truncatedEnvelopeWithAnImage_failsTheSchema() throws IOException {
        ObjectNode envelope = written();
        ((ObjectNode) envelope.get("data")).put("truncated", true);

        assertThat(schema().validate(envelope)).isNotEmpty();
    }

    @Test
    void schemaId_isTheDataschemaEnvelopesCarry() throws IOException {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());

        assertThat(schema.get("$id").asText()).isEqualTo(EnvelopeSchema.ID.toString());
        assertThat(written().get("dataschema").asText()).isEqualTo(EnvelopeSchema.ID.toString());
    }

    private static ObjectNode written() throws IOException {
        Envelope envelope = FACTORY.create(
                ChangeRecords.fixture("insert-all-types"),
                EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));
        return (ObjectNode) JSON.readTree(envelope.json());
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
    }
}
