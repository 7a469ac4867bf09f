package dev.distributary.local.internal.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.distributary.local.internal.provision.TableProvisioner;
import dev.distributary.local.replication.ReplicationSettings;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@MotoTest
class ReplicatorTest {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    private static final Topology TOPOLOGY = TopologyLoader.parse("""
            name: repl
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            tables:
              - name: items
                partitionKey: {name: pk, type: S}
            """, "test.yaml");

    private final AwsClients aws;
    private Replicator replicator;

    ReplicatorTest(AwsClients aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        REGIONS.forEach(
                region -> TableProvisioner.globalTableReplica(aws.dynamoDb(region), TOPOLOGY.requireTable("items")));
        replicator = new Replicator(
                        TOPOLOGY,
                        aws::dynamoDb,
                        aws::streams,
                        ReplicationSettings.defaults().withDelay(Duration.ofMillis(50), Duration.ofMillis(150)),
                        Clock.systemUTC(),
                        new Random(7))
                .start();
    }

    @AfterEach
    void stop() {
        replicator.close();
        REGIONS.forEach(region -> aws.dynamoDb(region).deleteTable(b -> b.tableName("items")));
    }

    private void put(String region, String pk, String value, long writtenAt) {
        aws.dynamoDb(region)
                .putItem(b -> b.tableName("items")
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromS(pk),
                                "value",
                                AttributeValue.fromS(value),
                                "_origin",
                                AttributeValue.fromS(region),
                                "_writtenAt",
                                AttributeValue.fromN(Long.toString(writtenAt)))));
    }

    private Map<String, String> valueEverywhere(String pk) {
        Map<String, String> values = new HashMap<>();
        for (String region : REGIONS) {
            Map<String, AttributeValue> item = aws.dynamoDb(region)
                    .getItem(b -> b.tableName("items")
                            .key(Map.of("pk", AttributeValue.fromS(pk)))
                            .consistentRead(true))
                    .item();
            values.put(region, item.isEmpty() ? null : item.get("value").s());
        }
        return values;
    }

    @Test
    void writeInOneRegion_appearsInEveryOtherRegion_once() {
        put("eu-west-1", "a", "v1", System.currentTimeMillis());

        await().atMost(Duration.ofSeconds(10)).until(() -> !valueEverywhere("a").containsValue(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> replicator.pending() == 0);
        assertThat(replicator.metrics().snapshot().get("eu-west-1->us-east-1").applied())
                .isEqualTo(1);
        assertThat(replicator
                        .metrics()
                        .snapshot()
                        .get("eu-west-1->ap-southeast-2")
                        .applied())
                .isEqualTo(1);
        assertThat(replicator.metrics().snapshot())
                .doesNotContainKeys("us-east-1->eu-west-1", "ap-southeast-2->us-east-1");
    }

    @Test
    void manyVersionsOfOneItem_amongOtherItems_areCopiedInOrder_soNoneIsSuperseded() {
        long start = System.currentTimeMillis();
        for (int version = 1; version <= 12; version++) {
            put("eu-west-1", "a", "v" + version, start + version);
            put("eu-west-1", "other-" + version, "v1", start + version);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> replicator.pending() == 0 && countsSettled());
        // Copied out of order, an older version would reach a region after a newer one and be refused by the
        // last-writer-wins condition: superseded, not applied.
        for (String target : List.of("us-east-1", "ap-southeast-2")) {
            var pair = replicator.metrics().snapshot().get("eu-west-1->" + target);
            assertThat(pair.superseded()).as("superseded in " + target).isZero();
            assertThat(pair.applied()).as("applied in " + target).isEqualTo(24);
        }
        assertThat(valueEverywhere("a"))
                .containsOnly(
                        Map.entry("us-east-1", "v12"),
                        Map.entry("eu-west-1", "v12"),
                        Map.entry("ap-southeast-2", "v12"));
    }

    private boolean countsSettled() {
        var snapshot = replicator.metrics().snapshot();
        return List.of("us-east-1", "ap-southeast-2").stream().allMatch(target -> {
            var pair = snapshot.get("eu-west-1->" + target);
            return pair != null && pair.applied() + pair.superseded() == 24;
        });
    }

    @Test
    void concurrentWritesInTwoRegions_convergeOnTheLaterWrite_everywhere() {
        long now = System.currentTimeMillis();
        put("us-east-1", "c", "from-us", now + 5);
        put("ap-southeast-2", "c", "from-ap", now);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> valueEverywhere("c").values().stream().allMatch("from-us"::equals));
        await().atMost(Duration.ofSeconds(10)).until(() -> replicator.pending() == 0);
        assertThat(valueEverywhere("c"))
                .containsOnlyKeys(REGIONS)
                .allSatisfy((region, value) -> assertThat(value).isEqualTo("from-us"));
        // The older copy reaches us-east-1 after the later write: refused there (pending() can read 0 before the copy
        // is read).
        await().atMost(Duration.ofSeconds(10))
                .until(() -> replicator.metrics().snapshot().get("ap-southeast-2->us-east-1") != null
                        && replicator
                                        .metrics()
                                        .snapshot()
                                        .get("ap-southeast-2->us-east-1")
                                        .superseded()
                                == 1);
    }

    @Test
    void equalWriteTimes_areBrokenByOriginRegion() {
        long now = System.currentTimeMillis();
        put("us-east-1", "t", "from-us", now);
        put("eu-west-1", "t", "from-eu", now);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> valueEverywhere("t").values().stream().allMatch("from-us"::equals));
    }

    @Test
    void hardDelete_replicates_andAnOlderCopyArrivingLaterDoesNotResurrectTheItem() {
        put("eu-west-1", "d", "v1", System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> !valueEverywhere("d").containsValue(null));

        aws.dynamoDb("us-east-1").deleteItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.fromS("d"))));
        put("ap-southeast-2", "d", "stale", System.currentTimeMillis() - 60_000);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> valueEverywhere("d").values().stream().allMatch(v -> v == null));
        await().atMost(Duration.ofSeconds(10)).until(() -> replicator.pending() == 0);
        assertThat(valueEverywhere("d").values()).containsOnlyNulls();
    }

    @Test
    void copies_fallDueByTheInjectedClock_notTheMachines() {
        replicator.close();
        ManualClock clock = new ManualClock(Instant.now());
        replicator = new Replicator(
                        TOPOLOGY,
                        aws::dynamoDb,
                        aws::streams,
                        ReplicationSettings.defaults().withDelay(Duration.ofMillis(50), Duration.ofMillis(150)),
                        clock,
                        new Random(7))
                .start();
        put("eu-west-1", "m", "v1", clock.millis());

        await().atMost(Duration.ofSeconds(10)).until(() -> replicator.pending() == 2);
        // With the injected clock standing still, neither copy falls due, however long the machine's clock runs.
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(2))
                .until(() -> valueEverywhere("m").get("us-east-1") == null
                        && valueEverywhere("m").get("ap-southeast-2") == null);
        clock.advance(Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> !valueEverywhere("m").containsValue(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> replicator.pending() == 0);
    }

    /** A clock that moves only when told. */
    private static final class ManualClock extends Clock {
        private final AtomicLong millis;

        ManualClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a manual clock has one zone");
        }
    }
}
