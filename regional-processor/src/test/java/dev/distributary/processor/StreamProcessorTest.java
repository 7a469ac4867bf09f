package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static dev.distributary.processor.Processors.event;
import static dev.distributary.processor.Processors.topicArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.Envelope;
import dev.distributary.processor.ProcessorMetrics.Metric;
import dev.distributary.processor.idempotency.PerRecordLedger;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pipeline on raw AWS-shaped events, with in-memory topic, ledger and quarantine. */
class StreamProcessorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final InMemoryRecordLedger ledger = new InMemoryRecordLedger();
    private final RecordingQuarantine quarantine = new RecordingQuarantine();
    private final CountingMetrics metrics = new CountingMetrics();

    private StreamProcessor processor(ProcessorConfig config) {
        return new StreamProcessor(config, publisher, new PerRecordLedger(ledger), quarantine, metrics, CLOCK);
    }

    private static List<String> sequences(BatchResult result, Class<? extends RecordOutcome> kind) {
        return result.outcomes().stream()
                .filter(kind::isInstance)
                .map(RecordOutcome::sequenceNumber)
                .toList();
    }

    @Test
    void mixedBatch_publishesLocalReplicaAndTombstone_andQuarantinesTheResidencyViolation() throws Exception {
        BatchResult result = processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(result.retryFrom()).isEmpty();
        assertThat(publisher.eventIds(topicArn("us-east-1")))
                .containsExactly("e-local-insert", "e-replica-modify", "e-local-tombstone", "e-local-modify");
        assertThat(sequences(result, RecordOutcome.Quarantined.class)).containsExactly("1004");
        assertThat(quarantine.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.reason())
                        .startsWith("residency: class 'eu-personal' is not permitted in us-east-1"));
        assertThat(metrics.get(Metric.ResidencyBlocked)).isEqualTo(1);
        assertThat(metrics.get(Metric.Published)).isEqualTo(4);
        assertThat(metrics.get(Metric.Processed)).isEqualTo(5);
        List.of("e-local-insert", "e-replica-modify", "e-local-tombstone", "e-residency", "e-local-modify")
                .forEach(id -> assertThat(ledger.isCompleted(id)).as(id).isTrue());
    }

    @Test
    void publishedEnvelopes_carryOriginKindAndTheTombstoneAsRemove() throws Exception {
        processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        List<Envelope> envelopes = publisher.envelopes(topicArn("us-east-1"));
        assertThat(envelopes.get(0).messageAttributes())
                .containsEntry("originKind", "local")
                .containsEntry("eventName", "INSERT");
        assertThat(envelopes.get(1).messageAttributes())
                .containsEntry("originKind", "replica")
                .containsEntry("originRegion", "eu-west-1");
        assertThat(envelopes.get(2).messageAttributes()).containsEntry("eventName", "REMOVE");
        JsonNode tombstone = JSON.readTree(envelopes.get(2).json());
        assertThat(tombstone.at("/data/op").asText()).isEqualTo("tombstone");
        assertThat(tombstone.get("time").asText()).isEqualTo("2026-11-26T10:00:00.3Z");
    }

    @Test
    void replicaWrite_whereNoConsumerWantsReplicas_isSkippedAndCounted() {
        Topology localOnly = TopologyLoader.parse("""
                name: shop
                regions: [us-east-1, eu-west-1]
                tables:
                  - name: orders
                    partitionKey: {name: pk, type: S}
                    sortKey: {name: sk, type: S}
                fanout:
                  consumers:
                    - name: billing
                      tables: [orders]
                """, "local-only.yaml");

        BatchResult result = processor(config(localOnly, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(result.outcomes())
                .filteredOn(o -> o.eventId().equals("e-replica-modify"))
                .singleElement()
                .isEqualTo(new RecordOutcome.Skipped("e-replica-modify", "1002", SkipReason.REPLICA_NOT_WANTED));
        assertThat(publisher.eventIds(topicArn("us-east-1"))).doesNotContain("e-replica-modify");
        assertThat(metrics.get(Metric.SkippedReplica)).isEqualTo(1);
    }

    @Test
    void poisonRecord_isQuarantinedWithItsFullPayload_andTheRecordsAroundItArePublished() throws Exception {
        BatchResult result = processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-poison.json"), () -> 60_000);

        assertThat(result.retryFrom()).isEmpty();
        assertThat(publisher.eventIds(topicArn("us-east-1"))).containsExactly("e-before", "e-after");
        assertThat(quarantine.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("malformed: dynamodb.NewImage.total.N is not a number");
            JsonNode message = JSON.readTree(entry.message());
            assertThat(message.get("record").at("/dynamodb/NewImage/total/N").asText())
                    .isEqualTo("not-a-number");
            assertThat(message.get("record").get("eventID").asText()).isEqualTo("e-poison");
            assertThat(message.get("region").asText()).isEqualTo("us-east-1");
        });
    }

    @Test
    void transientPublishFailure_reportsThatRecord_andTheRetryPublishesEachEventOnce() {
        publisher.failTransiently("e-replica-modify");
        StreamProcessor processor = processor(config(SHIPPED, "us-east-1"));

        BatchResult first = processor.process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(first.retryFrom()).contains("1002");
        assertThat(sequences(first, RecordOutcome.Retry.class)).containsExactly("1002", "1004");
        assertThat(ledger.isHeld("e-replica-modify")).isFalse();
        assertThat(quarantine.entries()).isEmpty();

        RecordingPublisher healed = new RecordingPublisher();
        BatchResult retry = new StreamProcessor(
                        config(SHIPPED, "us-east-1"), healed, new PerRecordLedger(ledger), quarantine, metrics, CLOCK)
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(retry.retryFrom()).isEmpty();
        assertThat(healed.eventIds(topicArn("us-east-1"))).containsExactly("e-replica-modify");
        assertThat(sequences(retry, RecordOutcome.Skipped.class)).containsExactly("1001", "1003", "1005");
        assertThat(quarantine.entries()).hasSize(1);
    }

    @Test
    void permanentPublishFailure_quarantinesTheRecord_andTheBatchMovesOn() {
        publisher.failPermanently("e-local-insert");

        BatchResult result = processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(result.retryFrom()).isEmpty();
        assertThat(quarantine.entries())
                .extracting(Quarantine.Entry::reason)
                .contains("publish refused: InvalidParameter: refused");
    }

    @Test
    void recordHeldByAnotherInvocation_stopsTheBatchThere() {
        ledger.claim("e-local-tombstone", CLOCK.instant(), 60_000);

        BatchResult result = processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(result.retryFrom()).contains("1003");
        assertThat(publisher.eventIds(topicArn("us-east-1"))).containsExactly("e-local-insert", "e-replica-modify");
        assertThat(ledger.isHeld("e-local-modify")).isFalse();
    }

    @Test
    void recordHeldByAnInvocationWhoseDeadlineIsNear_isWaitedFor_thenPublished() {
        AtomicReference<Instant> now = new AtomicReference<>(CLOCK.instant());
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        List<Long> waits = new ArrayList<>();
        ledger.claim("e-local-tombstone", CLOCK.instant(), 2_000);
        StreamProcessor processor = new StreamProcessor(
                config(SHIPPED, "us-east-1"),
                publisher,
                new PerRecordLedger(ledger),
                quarantine,
                metrics,
                dev.distributary.processor.internal.pipeline.Tracer.NONE,
                moving,
                millis -> {
                    waits.add(millis);
                    now.set(now.get().plusMillis(millis));
                });

        BatchResult result = processor.process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(waits).containsExactly(2_100L);
        assertThat(result.retryFrom()).isEmpty();
        assertThat(publisher.eventIds(topicArn("us-east-1"))).contains("e-local-tombstone");
    }

    @Test
    void invocationAboutToTimeOut_startsNoWork_andRetriesFromTheFirstRecord() {
        BatchResult result = processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 1_000);

        assertThat(result.retryFrom()).contains("1001");
        assertThat(publisher.eventIds(topicArn("us-east-1"))).isEmpty();
    }

    @Test
    void unknownEventName_isQuarantinedWithTheReason_neverPublishedAsAModify() {
        List<ObjectNode> records = event("orders-us-east-1-batch.json").subList(0, 1);
        records.get(0).put("eventName", "UPSERT");

        BatchResult result = processor(config(SHIPPED, "us-east-1")).process(Processors.SHARD, records, () -> 60_000);

        assertThat(result.retryFrom()).isEmpty();
        assertThat(publisher.eventIds(topicArn("us-east-1"))).isEmpty();
        assertThat(result.outcomes())
                .singleElement()
                .isInstanceOfSatisfying(
                        RecordOutcome.Quarantined.class,
                        q -> assertThat(q.reason())
                                .isEqualTo(
                                        "unclassifiable: unknown event name 'UPSERT'; a DynamoDB stream record is INSERT, MODIFY or REMOVE"));
        assertThat(quarantine.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.eventId()).isEqualTo("e-local-insert"));
    }

    @Test
    void unstampedWrite_isQuarantinedByThePrimary_andSkippedElsewhere() {
        ObjectNode inPrimary = StreamRecordJson.write(ChangeRecords.fixture("insert-unstamped"));
        ObjectNode inEu = StreamRecordJson.write(ChangeRecords.in("eu-west-1", "orders")
                .insert(
                        Items.of("pk", AttributeValue.s("x"), "sk", AttributeValue.s("v0")),
                        Items.of("pk", AttributeValue.s("x"), "sk", AttributeValue.s("v0"))));

        BatchResult primary =
                processor(config(SHIPPED, "us-east-1")).process(Processors.SHARD, List.of(inPrimary), () -> 60_000);
        BatchResult europe =
                processor(config(SHIPPED, "eu-west-1")).process(Processors.SHARD, List.of(inEu), () -> 60_000);

        assertThat(primary.outcomes())
                .singleElement()
                .isInstanceOfSatisfying(
                        RecordOutcome.Quarantined.class,
                        q -> assertThat(q.reason()).startsWith("unstamped: "));
        assertThat(europe.outcomes())
                .singleElement()
                .isInstanceOfSatisfying(
                        RecordOutcome.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.UNSTAMPED));
    }

    @Test
    void primaryRegionMode_publishesToEveryRegionWhoseConsumersAndResidencyAllow_andNoOther() {
        Topology primary = Processors.PRIMARY;
        ObjectNode customer = StreamRecordJson.write(ChangeRecords.in("eu-west-1", "eu-customers")
                .insert(
                        Items.of("customerId", AttributeValue.s("c-1")),
                        Items.stamped(
                                Items.of("customerId", AttributeValue.s("c-1"), "name", AttributeValue.s("Aoife")),
                                "eu-west-1",
                                1_795_687_200_000L)));
        ObjectNode order = StreamRecordJson.write(ChangeRecords.in("eu-west-1", "orders")
                .insert(
                        Items.of("pk", AttributeValue.s("o-9"), "sk", AttributeValue.s("v0")),
                        Items.stamped(
                                Items.of("pk", AttributeValue.s("o-9"), "sk", AttributeValue.s("v0")),
                                "eu-west-1",
                                1_795_687_200_000L)));

        processor(config(primary, "eu-west-1", "eu-west-1", "eu-central-1", "us-east-1"))
                .process(Processors.SHARD, List.of(customer, order), () -> 60_000);

        String customerId = customer.get("eventID").asText();
        String orderId = order.get("eventID").asText();
        assertThat(publisher.eventIds(topicArn("eu-west-1"))).containsExactly(customerId, orderId);
        assertThat(publisher.eventIds(topicArn("eu-central-1"))).containsExactly(customerId, orderId);
        assertThat(publisher.eventIds(topicArn("us-east-1"))).containsExactly(orderId);
    }

    @Test
    void handlerResponse_namesTheFirstRecordToRetry() {
        publisher.failTransiently("e-local-tombstone");

        BatchResult result = processor(config(SHIPPED, "us-east-1"))
                .process(Processors.SHARD, event("orders-us-east-1-batch.json"), () -> 60_000);

        assertThat(result.retryFrom()).isEqualTo(Optional.of("1003"));
    }
}
