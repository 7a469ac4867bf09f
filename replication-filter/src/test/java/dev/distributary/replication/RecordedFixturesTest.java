package dev.distributary.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.MalformedRecordException;
import dev.distributary.change.Operation;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.topology.Platforms;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every recorded stream record, read in every region: classification never throws and always says why. */
class RecordedFixturesTest {
    static final List<String> READABLE = List.of(
            "insert-all-types",
            "insert-unstamped",
            "legacy-2017-replica",
            "modify-replicated-from-eu",
            "remove-hard",
            "remove-ttl-replicated",
            "remove-ttl-service",
            "tombstone",
            "insert-origin-wrong-type",
            "unknown-event-name",
            "remove-keys-only",
            "modify-local-all-types");

    @Test
    void everyReadableFixture_inEveryRegion_classifiedWithAReasonAndNoException() {
        for (String name : READABLE) {
            for (String region : Platforms.ownStamps().regions()) {
                ObjectNode raw = (ObjectNode) ChangeRecords.rawFixture(name);
                raw.put("eventSourceARN", ChangeRecords.streamArn(region, "orders"));
                ChangeRecord record = StreamRecordJson.read(raw);

                Classification c =
                        OriginClassifier.of(Platforms.ownStamps(), region).classify(record);

                assertThat(c.reason()).as(name + " in " + region).isNotBlank().doesNotContain("null");
                assertThat(c.isLocal())
                        .as(name + " in " + region + ": " + c)
                        .isEqualTo(c.originRegion().filter(region::equals).isPresent());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed-attribute", "missing-sequence-number"})
    void malformedFixture_refusedAtTheEdgeWithTheFieldNamed_neverReachesTheClassifier(String name) {
        assertThatThrownBy(() -> StreamRecordJson.read(ChangeRecords.rawFixture(name)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageMatching(".*(total\\.N|SequenceNumber).*");
    }

    @Test
    void oversizedRecord_400KilobyteStreamJson_readAndClassifiedLocal() {
        ObjectNode raw = (ObjectNode) ChangeRecords.rawFixture("insert-all-types");
        ((ObjectNode) raw.get("dynamodb").get("NewImage")).putObject("blob").put("S", "x".repeat(399_000));
        ((ObjectNode) raw.get("dynamodb")).put("SizeBytes", 399_600);

        Classification c =
                OriginClassifier.of(Platforms.ownStamps(), "us-east-1").classify(StreamRecordJson.read(raw));

        assertThat(raw.toString().length()).isGreaterThan(399_000);
        assertThat(c).isInstanceOf(LocalWrite.class);
    }

    @Test
    void modifyOfEveryAttributeType_stampedHere_localModify() {
        Classification c = OriginClassifier.of(Platforms.ownStamps(), "eu-west-1")
                .classify(ChangeRecords.fixture("modify-local-all-types"));

        assertThat(c).isInstanceOf(LocalWrite.class);
        assertThat(c.op()).contains(Operation.MODIFY);
        assertThat(c.writeTimeMillis()).hasValue(1_795_687_213_001L);
    }
}
