package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static dev.distributary.processor.Processors.event;
import static dev.distributary.processor.Processors.topicArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.fanout.Envelope;
import dev.distributary.processor.idempotency.PerRecordLedger;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A TTL expiry is published as what it is: op {@code expire}, event name EXPIRE, local in the region
 * whose TTL removed it (the service identity) and a replica elsewhere, where the envelope names no
 * origin region, because none is known.
 */
class ExpiryEnvelopeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final String BEFORE =
            "\"before\":{\"pk\":\"o-ttl\",\"sk\":\"v0\",\"entityType\":\"order\",\"status\":\"PLACED\","
                    + "\"_origin\":\"us-east-1\",\"_writtenAt\":1795600000000,\"_expiresAt\":1795699990}";

    private final RecordingPublisher publisher = new RecordingPublisher();

    private StreamProcessor processor(Topology topology, String region) {
        return new StreamProcessor(
                config(topology, region),
                publisher,
                new PerRecordLedger(new InMemoryRecordLedger()),
                new RecordingQuarantine(),
                new CountingMetrics(),
                CLOCK);
    }

    @Test
    void expiryByThisRegionsTtl_isALocalExpire_namingThisRegion() {
        processor(SHIPPED, "us-east-1")
                .process(Processors.SHARD, event("orders-us-east-1-ttl-expiry.json"), () -> 60_000);

        Envelope envelope = publisher.envelopes(topicArn("us-east-1")).get(0);
        assertThat(envelope.json())
                .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"e-ttl-local\","
                        + "\"source\":\"arn:aws:dynamodb:us-east-1:123456789012:table/orders\",\"type\":\"dev.distributary.orders.order.expire\","
                        + "\"datacontenttype\":\"application/json\",\"dataschema\":\"https://distributary.dev/schemas/event-envelope/2.0.json\","
                        + "\"subject\":\"pk=o-ttl,sk=v0\",\"time\":\"2026-11-26T13:33:20Z\",\"residency\":\"public\",\"originkind\":\"local\","
                        + "\"sequence\":\"6001\",\"entitytype\":\"order\",\"originregion\":\"us-east-1\",\"data\":{\"op\":\"expire\","
                        + "\"keys\":{\"pk\":\"o-ttl\",\"sk\":\"v0\"}," + BEFORE
                        + ",\"after\":null,\"truncated\":false,\"types\":{}}}");
        assertThat(envelope.messageAttributes())
                .isEqualTo(Map.of(
                        "eventName",
                        "EXPIRE",
                        "table",
                        "orders",
                        "entityType",
                        "order",
                        "originKind",
                        "local",
                        "originRegion",
                        "us-east-1",
                        "residency",
                        "public"));
    }

    @Test
    void replicatedExpiry_isAReplicaExpire_namingNoOriginRegion() {
        processor(SHIPPED, "eu-west-1")
                .process(Processors.SHARD, event("orders-eu-west-1-ttl-expiry-replicated.json"), () -> 60_000);

        Envelope envelope = publisher.envelopes(topicArn("eu-west-1")).get(0);
        assertThat(envelope.json())
                .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"e-ttl-replicated\","
                        + "\"source\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\",\"type\":\"dev.distributary.orders.order.expire\","
                        + "\"datacontenttype\":\"application/json\",\"dataschema\":\"https://distributary.dev/schemas/event-envelope/2.0.json\","
                        + "\"subject\":\"pk=o-ttl,sk=v0\",\"time\":\"2026-11-26T13:33:21Z\",\"residency\":\"public\",\"originkind\":\"replica\","
                        + "\"sequence\":\"7001\",\"entitytype\":\"order\",\"data\":{\"op\":\"expire\","
                        + "\"keys\":{\"pk\":\"o-ttl\",\"sk\":\"v0\"}," + BEFORE
                        + ",\"after\":null,\"truncated\":false,\"types\":{}}}");
        assertThat(envelope.messageAttributes())
                .isEqualTo(Map.of(
                        "eventName",
                        "EXPIRE",
                        "table",
                        "orders",
                        "entityType",
                        "order",
                        "originKind",
                        "replica",
                        "residency",
                        "public"));
    }

    @Test
    void consumerThatListsInsertModifyAndRemove_getsNoExpiry() {
        Topology deletesOnly = TopologyLoader.parse("""
                name: shop
                regions: [us-east-1, eu-west-1]
                tables:
                  - name: orders
                    partitionKey: {name: pk, type: S}
                    sortKey: {name: sk, type: S}
                fanout:
                  consumers:
                    - name: archive
                      tables: [orders]
                      eventNames: [INSERT, MODIFY, REMOVE]
                """, "deletes-only.yaml");

        BatchResult result = processor(deletesOnly, "us-east-1")
                .process(Processors.SHARD, event("orders-us-east-1-ttl-expiry.json"), () -> 60_000);

        assertThat(result.outcomes())
                .singleElement()
                .isEqualTo(new RecordOutcome.Skipped("e-ttl-local", "6001", SkipReason.NO_MATCHING_CONSUMER));
        assertThat(publisher.envelopes(topicArn("us-east-1"))).isEmpty();
    }
}
