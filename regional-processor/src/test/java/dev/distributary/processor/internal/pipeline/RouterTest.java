package dev.distributary.processor.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamSource;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.processor.SkipReason;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope is built only for a record some consumer can take. */
class RouterTest {
    private static final String REGION = "eu-west-1";
    /** Only local changes of orders are wanted: replicas go nowhere. */
    private static final Topology LOCAL_ONLY = TopologyLoader.parse("""
            name: shop
            regions: [us-east-1, eu-west-1]
            tables:
              - {name: orders, partitionKey: {name: pk, type: S}}
            fanout:
              consumers:
                - {name: billing, tables: [orders], origin: local}
            """, "local-only.yaml");

    private final Router router = new Router(LOCAL_ONLY, REGION, new EnvelopeFactory(LOCAL_ONLY));
    private final OriginClassifier classifier = OriginClassifier.of(LOCAL_ONLY, REGION);

    @Test
    void replicaNoConsumerTakes_itemNoEnvelopeCanHold_skippedWithoutBuildingTheEnvelope() {
        ChangeRecord replica = unrepresentable("us-east-1");

        assertThat(router.route(replica, classifier.classify(replica)))
                .isEqualTo(new Route.Skip(SkipReason.REPLICA_NOT_WANTED));
    }

    @Test
    void localChangeAConsumerTakes_itemNoEnvelopeCanHold_quarantinedAsUnrepresentable() {
        ChangeRecord local = unrepresentable(REGION);

        assertThat(router.route(local, classifier.classify(local)))
                .isInstanceOfSatisfying(Route.Quarantine.class, quarantine -> {
                    assertThat(quarantine.reason()).startsWith("unrepresentable: ");
                    assertThat(quarantine.residency()).isFalse();
                });
    }

    /**
     * An insert written in {@code origin} that no envelope can hold: its source's ARN has a space
     * where the account is, so it makes no CloudEvents {@code source} URI.
     */
    private static ChangeRecord unrepresentable(String origin) {
        Image keys = Items.of("pk", AttributeValue.s("order#1"));
        return new ChangeRecord(
                "event-1",
                "INSERT",
                new StreamSource("arn:aws:dynamodb:eu-west-1:123 456:table/orders/stream/2026-11-26", REGION, "orders"),
                "1001",
                Instant.parse("2026-11-26T10:00:00Z"),
                keys,
                Optional.empty(),
                Optional.of(Items.stamped(keys, origin, 1_795_687_200_000L)),
                Optional.empty(),
                100);
    }
}
