package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static dev.distributary.processor.Processors.event;
import static dev.distributary.processor.Processors.topicArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.processor.ProcessorMetrics.Metric;
import dev.distributary.processor.idempotency.PerRecordLedger;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quarantine message in a region never carries attribute values of a class that region may not
 * hold, and every residency block is counted, whatever detected it; every other quarantined record
 * is the record as the stream sent it. The events are AWS-shaped, read as Lambda reads them
 * ({@code DynamodbEvent}) and turned back into JSON as the handler does.
 */
class ResidencyQuarantineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String ORDERS_US =
            "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000";

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RecordingQuarantine quarantine = new RecordingQuarantine();
    private final CountingMetrics metrics = new CountingMetrics();

    private StreamProcessor processor(String region) {
        return new StreamProcessor(
                config(SHIPPED, region),
                publisher,
                new PerRecordLedger(new InMemoryRecordLedger()),
                quarantine,
                metrics,
                CLOCK);
    }

    @Test
    void classNotPermittedHere_isQuarantinedWithKeysAndCoordinatesOnly_andCounted() {
        processor("us-east-1").process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(quarantine.entries())
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.message())
                                .isEqualTo(
                                        "{\"reason\":\"residency: class 'eu-personal' is not permitted in us-east-1 (zone 'eu' [eu-west-1]); the change must not be published here\","
                                                + "\"region\":\"us-east-1\",\"functionName\":\"shop-processor\",\"quarantinedAt\":\"2026-11-26T12:00:00Z\","
                                                + "\"eventId\":\"e-residency\",\"sequenceNumber\":\"1004\",\"eventSourceARN\":\""
                                                + ORDERS_US + "\","
                                                + "\"recordWithheld\":true,\"keys\":{\"pk\":{\"S\":\"o-4\"},\"sk\":{\"S\":\"v0\"}}}"));
        assertThat(metrics.get(Metric.ResidencyBlocked)).isEqualTo(1);
        assertThat(metrics.get(Metric.Quarantined)).isEqualTo(1);
    }

    @Test
    void recordOfATableWithNoReplicaHere_isAResidencyBlock_notUnclassifiable_andCarriesNoValues() {
        BatchResult result =
                processor("us-east-1").process(Processors.SHARD, event("eu-customers-in-us-east-1.json"), () -> 60_000);

        assertThat(result.outcomes()).singleElement().isInstanceOf(RecordOutcome.Quarantined.class);
        assertThat(quarantine.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.message())
                        .isEqualTo(
                                "{\"reason\":\"residency: table 'eu-customers' must have no replica in us-east-1 (its zone 'eu' is [eu-west-1]), so its records"
                                        + " must not be processed here\",\"region\":\"us-east-1\",\"functionName\":\"shop-processor\","
                                        + "\"quarantinedAt\":\"2026-11-26T12:00:00Z\",\"eventId\":\"e-eu-customer-in-us\",\"sequenceNumber\":\"3001\","
                                        + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/eu-customers/stream/2026-11-26T00:00:00.000\","
                                        + "\"recordWithheld\":true,\"keys\":{\"customerId\":{\"S\":\"c-17\"}}}"));
        assertThat(metrics.get(Metric.ResidencyBlocked)).isEqualTo(1);
        assertThat(publisher.envelopes(topicArn("us-east-1"))).isEmpty();
    }

    @Test
    void unstampedAndUnreadableRecordsOfAForbiddenClass_areResidencyBlocksEverywhereTheyAreForbidden() {
        processor("us-east-1").process(Processors.SHARD, event("orders-eu-personal-unstamped.json"), () -> 60_000);
        processor("ap-southeast-2")
                .process(
                        Processors.SHARD,
                        in("ap-southeast-2", event("orders-eu-personal-unstamped.json")),
                        () -> 60_000);

        assertThat(quarantine.entries()).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.message()).doesNotContain("x@example.eu").contains("\"recordWithheld\":true");
            assertThat(entry.reason()).startsWith("residency: class 'eu-personal' is not permitted in ");
        });
        assertThat(quarantine.entries().get(1).reason())
                .isEqualTo(
                        "residency: class 'eu-personal' is not permitted in us-east-1 (zone 'eu'"
                                + " [eu-west-1]); the change must not be published here; the record is also malformed: dynamodb.NewImage.total.N is not a number");
        assertThat(metrics.get(Metric.ResidencyBlocked)).isEqualTo(4);
    }

    @Test
    void sameUnstampedRecordWhereItsClassIsPermitted_isTheUsualUnstampedCase() {
        processor("eu-west-1")
                .process(Processors.SHARD, in("eu-west-1", event("orders-eu-personal-unstamped.json")), () -> 60_000);

        assertThat(quarantine.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).startsWith("malformed: ");
            assertThat(entry.message()).contains("x@example.eu").doesNotContain("recordWithheld");
        });
        assertThat(metrics.get(Metric.ResidencyBlocked)).isZero();
        assertThat(metrics.get(Metric.Skipped)).isEqualTo(1);
    }

    /** The records as that region's stream of the same table delivers them. */
    private static List<ObjectNode> in(String region, List<ObjectNode> records) {
        records.forEach(record -> record.put("awsRegion", region)
                .put(
                        "eventSourceARN",
                        record.get("eventSourceARN").asText().replace(":us-east-1:", ":" + region + ":")));
        return records;
    }

    @Test
    void otherQuarantinedRecord_isTheRecordAsReceived_epochSecondsIncluded() throws Exception {
        processor("us-east-1").process(Processors.SHARD, event("orders-us-east-1-malformed.json"), () -> 60_000);

        JsonNode received;
        try (InputStream in = getClass().getResourceAsStream("/events/orders-us-east-1-malformed.json")) {
            received = JSON.readTree(in).get("Records").get(0);
        }
        assertThat(quarantine.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.message())
                    .contains("\"ApproximateCreationDateTime\":1795700000,")
                    .doesNotContain("E+9");
            assertThat(JSON.readTree(entry.message()).get("record")).isEqualTo(received);
        });
        assertThat(metrics.get(Metric.ResidencyBlocked)).isZero();
    }
}
