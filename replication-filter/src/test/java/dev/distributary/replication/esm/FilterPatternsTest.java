package dev.distributary.replication.esm;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.replication.Classification;
import dev.distributary.replication.FilterPatterns;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.replication.ReplicaWrite;
import dev.distributary.replication.Tombstone;
import dev.distributary.replication.Unclassifiable;
import dev.distributary.replication.Unstamped;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPatternsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Topology SHOP = Platforms.ownStamps();

    @Test
    void regionWithoutReplicaConsumers_fivePatterns_onTheDynamodbKeyOnly() throws Exception {
        List<String> patterns = FilterPatterns.forRegion(SHOP, "orders", "eu-west-1");

        assertThat(patterns)
                .hasSize(FilterPatterns.MAX_PATTERNS)
                .containsExactly(
                        "{\"dynamodb\":{\"NewImage\":{\"_origin\":{\"S\":[\"eu-west-1\"]}}}}",
                        "{\"dynamodb\":{\"NewImage\":{\"pk\":{\"S\":[{\"exists\":false}]}},\"OldImage\":{\"_origin\":{\"S\":[\"eu-west-1\"]}}}}",
                        "{\"dynamodb\":{\"NewImage\":{\"pk\":{\"S\":[{\"exists\":false}]}},\"OldImage\":{\"_expiresAt\":{\"N\":[{\"exists\":true}]}}}}",
                        "{\"dynamodb\":{\"NewImage\":{\"pk\":{\"S\":[{\"exists\":true}]},\"_origin\":{\"S\":[{\"exists\":false}]}}}}",
                        "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"exists\":true}]}},\"NewImage\":{\"pk\":{\"S\":[{\"exists\":false}]}},"
                                + "\"OldImage\":{\"_origin\":{\"S\":[{\"exists\":false}]}}}}");
        for (String pattern : patterns) {
            JsonNode node = JSON.readTree(pattern);
            assertThat(node.fieldNames()).toIterable().containsExactly("dynamodb");
            assertThat(pattern.length()).isLessThanOrEqualTo(LambdaRules.MAX_FILTER_PATTERN_LENGTH);
        }
        assertThat(LambdaRules.filterProblems("orders", patterns)).isEmpty();
    }

    @Test
    void regionWithAConsumerOfReplicaEvents_noFilter() {
        assertThat(FilterPatterns.forRegion(SHOP, "orders", "ap-southeast-2")).isEmpty();
    }

    @Test
    void shippedPlatform_orderCacheTakesReplicasEverywhere_ordersUnfilteredAndEuCustomersAndInventoryFiltered() {
        Topology shipped = Platforms.shipped();

        for (String region : shipped.replicaRegions(shipped.requireTable("orders"))) {
            assertThat(FilterPatterns.forRegion(shipped, "orders", region))
                    .as(region)
                    .isEmpty();
        }
        assertThat(shipped.replicaRegions(shipped.requireTable("inventory"))).hasSize(3);
        for (String region : shipped.replicaRegions(shipped.requireTable("inventory"))) {
            assertThat(FilterPatterns.forRegion(shipped, "inventory", region))
                    .as("restock takes local changes only: inventory's replicas are filtered out in " + region)
                    .hasSize(5)
                    .first()
                    .isEqualTo("{\"dynamodb\":{\"NewImage\":{\"_origin\":{\"S\":[\"" + region + "\"]}}}}");
        }
        assertThat(FilterPatterns.forRegion(shipped, "eu-customers", "eu-west-1"))
                .hasSize(5);
    }

    @Test
    void tableWithOwnStampNames_patternsUseItsOriginAttribute() {
        assertThat(FilterPatterns.forRegion(SHOP, "ledger", "us-east-1"))
                .allSatisfy(p -> assertThat(p).doesNotContain("_origin").doesNotContain("_expiresAt"))
                .filteredOn(p -> !p.contains("\"purgeAt\""))
                .hasSize(4)
                .allSatisfy(p -> assertThat(p).contains("\"writtenIn\""));
    }

    @Test
    void tableWithoutReplicaInRegion_refusedWithReason() {
        assertThatThrownBy(() -> FilterPatterns.forRegion(SHOP, "eu-customers", "us-east-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "table 'eu-customers' has no replica in us-east-1 (its replicas: [eu-west-1]), so there is no stream to filter there");
    }

    /** Each recorded stream record, re-pointed at the region's stream, through that region's filter. */
    @ParameterizedTest(name = "{0} in {1}: passes={2}")
    @CsvSource({
        "insert-all-types,           us-east-1, true", // stamped us-east-1: local
        "insert-all-types,           eu-west-1, false", // a replica in eu-west-1
        "modify-replicated-from-eu,  us-east-1, false",
        "modify-replicated-from-eu,  eu-west-1, true",
        "modify-local-all-types,     eu-west-1, true",
        "remove-hard,                eu-west-1, true", // last written in eu-west-1
        "remove-hard,                us-east-1, false",
        "tombstone,                  eu-west-1, true",
        "tombstone,                  us-east-1, false",
        "remove-ttl-service,         us-east-1, true", // the TTL identity passes wherever it appears
        "remove-ttl-replicated,      us-east-1, true", // the old image has a TTL: the processor tells a replicated
        // expiry
        "remove-ttl-replicated,      eu-west-1, true", // origin eu-west-1: passes, classified as a replicated TTL
        // expiry
        "insert-unstamped,           us-east-1, true", // unstamped records reach the processor to be counted
        "legacy-2017-replica,        us-east-1, true", // legacy items carry no origin stamp
        "insert-origin-wrong-type,   eu-west-1, true", // reaches the processor to be quarantined
        "remove-keys-only,           eu-west-1, true",
        "unknown-event-name,         eu-west-1, true" // local origin: reaches the processor, which quarantines it
    })
    void recordedStreamRecord_throughTheRegionsPatterns_passesOnlyWhatMustBeProcessed(
            String fixture, String region, boolean passes) {
        ObjectNode record = (ObjectNode) ChangeRecords.rawFixture(fixture);
        record.put("eventSourceARN", ChangeRecords.streamArn(region, "orders"));
        record.put("awsRegion", region);

        RulerFilter filter = new RulerFilter(FilterPatterns.forRegion(SHOP, "orders", region));

        assertThat(filter.passes(record)).isEqualTo(passes);
    }

    @Test
    void everyRecordTheClassifierSaysMustBeProcessed_passesTheFilter_andPlainReplicasDoNot() {
        String region = "eu-west-1";
        OriginClassifier classifier = OriginClassifier.of(SHOP, region);
        RulerFilter filter = new RulerFilter(FilterPatterns.forRegion(SHOP, "orders", region));
        int dropped = 0;
        for (ChangeRecord record : recordsOfEveryKind(region)) {
            Classification c = classifier.classify(record);
            boolean passes = filter.passes(record);
            boolean needed =
                    c.isLocal() || c instanceof Unstamped || (c instanceof Unclassifiable && c.op().isPresent());
            if (needed) {
                assertThat(passes).as("%s must pass: %s", c, record).isTrue();
            }
            boolean removalOfItemWithTtl = record.newImage().isEmpty()
                    && record.oldImage().map(i -> i.contains(Items.EXPIRES_AT)).orElse(false);
            if (c instanceof ReplicaWrite || c instanceof Tombstone tombstone && !tombstone.local()) {
                // A removal of an item with a TTL may be DynamoDB's TTL process here; only the record's userIdentity,
                // which a filter may not name, tells: it reaches the processor, which decides.
                assertThat(passes)
                        .as("%s should %s by the mapping", c, removalOfItemWithTtl ? "pass" : "be dropped")
                        .isEqualTo(removalOfItemWithTtl);
                dropped += passes ? 0 : 1;
            }
        }
        assertThat(dropped)
                .as("five kinds of replica record from each of two other regions")
                .isEqualTo(2 * 5);
    }

    private static List<ChangeRecord> recordsOfEveryKind(String region) {
        ChangeRecords stream = ChangeRecords.in(region, "orders").at(Instant.ofEpochSecond(1_795_773_700L));
        Image keys = Items.of("pk", s("o"), "sk", s("v0"));
        Image item = Items.with(keys, "status", s("PLACED"));
        List<ChangeRecord> records = new ArrayList<>();
        for (String origin : List.of("us-east-1", "eu-west-1", "ap-southeast-2")) {
            Image stamped = Items.stamped(item, origin, 1_795_687_200_000L);
            Image tombstone = Items.tombstone(item, origin, 1_795_687_200_000L, 1_795_773_600L);
            Image live = Items.with(stamped, Items.EXPIRES_AT, n(1_795_999_999L));
            records.add(stream.insert(keys, stamped));
            records.add(stream.modify(keys, item, stamped));
            records.add(stream.modify(keys, stamped, tombstone));
            records.add(stream.insert(keys, tombstone));
            records.add(stream.remove(keys, stamped));
            records.add(stream.remove(keys, live));
            records.add(stream.remove(keys, tombstone)); // replicated TTL expiry (no identity, TTL passed)
            records.add(stream.ttlExpiry(keys, tombstone)); // TTL expiry here
            records.add(stream.insert(keys, Items.with(item, Items.ORIGIN, n(1))));
        }
        records.add(stream.insert(keys, item));
        records.add(stream.modify(keys, item, item));
        records.add(stream.remove(keys, item));
        records.add(stream.record("MODIFY", keys, Optional.of(item), Optional.empty(), Optional.empty()));
        return records;
    }
}
