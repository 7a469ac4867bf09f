package dev.distributary.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.topology.Platforms;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What {@link ChangeEvent#parse} says about messages that are not valid envelopes. */
class ChangeEventParseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(Platforms.shipped());

    @Test
    void plainText_isRefusedAsNotCloudEvents() {
        assertThatThrownBy(() -> ChangeEvent.parse("hello"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageStartingWith("not CloudEvents structured JSON:");
    }

    @Test
    void emptyBody_isRefused() {
        assertThatThrownBy(() -> ChangeEvent.parse(""))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void jsonThatIsNoCloudEvent_isRefused() {
        assertThatThrownBy(() -> ChangeEvent.parse("{\"orderId\": 1}"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageStartingWith("not CloudEvents structured JSON:");
    }

    @Test
    void nextMajorSchema_isRefusedAsUnsupported_namingIt() {
        String json = edited(e -> e.put("dataschema", "https://distributary.dev/schemas/event-envelope/3.0.json"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessage(
                        "dataschema 'https://distributary.dev/schemas/event-envelope/3.0.json' is not supported: this consumer reads"
                                + " every minor version of majors 1 to 2 (it writes https://distributary.dev/schemas/event-envelope/2.0.json);"
                                + " upgrade the consumer library");
    }

    @Test
    void laterMinorSchema_isAccepted() {
        String json = edited(e -> e.put("dataschema", "https://distributary.dev/schemas/event-envelope/2.7.json"));

        assertThat(ChangeEvent.parse(json).dataSchema().toString()).endsWith("/2.7.json");
    }

    @Test
    void envelopeOfThePreviousMajor_isStillRead() {
        String json = edited(e -> e.put("dataschema", "https://distributary.dev/schemas/event-envelope/1.0.json"));

        ChangeEvent event = ChangeEvent.parse(json);

        assertThat(event.dataSchema().toString()).endsWith("/1.0.json");
        assertThat(event.originRegion()).contains("us-east-1");
    }

    @Test
    void replicaEnvelopeWithoutOriginRegion_isRead_withTheOriginUnknown() {
        String json = edited(e -> e.put("originkind", "replica").remove("originregion"));

        assertThat(ChangeEvent.parse(json).originRegion()).isEmpty();
    }

    @Test
    void localEnvelopeWithoutOriginRegion_isRefused() {
        String json = edited(e -> e.remove("originregion"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .hasMessage("originregion is missing; a local change always names the region it was written in");
    }

    @Test
    void foreignDataschema_isRefusedAsNotOurs() {
        String json = edited(e -> e.put("dataschema", "https://example.com/order.json"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .isExactlyInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("is not a Distributary envelope schema");
    }

    @Test
    void missingExtension_isRefusedNamingIt() {
        String json = edited(e -> e.remove("residency"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .hasMessage("extension attribute residency is missing or empty");
    }

    @Test
    void unknownOp_isRefused() {
        String json = edited(e -> ((ObjectNode) e.get("data")).put("op", "upsert"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .hasMessage("data.op must be insert, modify, remove, tombstone or expire");
    }

    @Test
    void typeHintThatDoesNotFitItsValue_isRefusedNamingThePointer() {
        String json = edited(e -> ((ObjectNode) e.get("data").get("types")).put("/after/status", "NS"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .hasMessage("data/after/status is typed NS but is not an array");
    }

    @Test
    void typeHintForNothing_isRefused() {
        String json = edited(e -> ((ObjectNode) e.get("data").get("types")).put("/after/missing", "B"));

        assertThatThrownBy(() -> ChangeEvent.parse(json)).hasMessageContaining("data.types names [/after/missing]");
    }

    @Test
    void sourceThatIsNoTableArn_isRefused() {
        String json = edited(e -> e.put("source", "https://example.com"));

        assertThatThrownBy(() -> ChangeEvent.parse(json))
                .hasMessage("source 'https://example.com' is not a DynamoDB table ARN");
    }

    private static String edited(Consumer<ObjectNode> edit) {
        try {
            Envelope envelope = FACTORY.create(
                    ChangeRecords.fixture("insert-all-types"),
                    EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));
            ObjectNode json = (ObjectNode) JSON.readTree(envelope.json());
            edit.accept(json);
            return JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
