package dev.distributary.benchmarks;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import dev.distributary.change.UserIdentity;
import dev.distributary.replication.Classification;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of classifying one stream record whose images are about 1 KB (the target is under 1 µs).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Classify}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ClassifyBenchmark {
    private static final String PLATFORM = """
            name: bench
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            routing: {mode: multi-writer, primary: us-east-1}
            residency:
              attribute: dataClass
              defaultClass: public
              zones: {global: [us-east-1, eu-west-1, ap-southeast-2]}
              classes: {public: global}
            tables:
              - name: orders
                partitionKey: {name: pk, type: S}
                sortKey: {name: sk, type: S}
                zone: global
            fanout:
              consumers:
                - {name: billing, tables: [orders], origin: local}
            """;
    private static final String REGION = "eu-west-1";
    private static final long WRITTEN_AT = 1_795_687_200_123L;

    /** Which kind of record: a local insert, a replicated modify, a hard delete, a TTL expiry, a legacy bookkeeping modify. */
    @Param({"localInsert", "replicaModify", "tombstone", "hardDelete", "ttlExpiry", "legacyBookkeeping"})
    public String kind;

    private OriginClassifier classifier;
    private ChangeRecord record;

    @Setup
    public void setUp() {
        Topology topology = TopologyLoader.parse(PLATFORM, "bench.yaml");
        classifier = OriginClassifier.of(topology, REGION);
        Image before = stamped(order("PLACED"), "us-east-1", WRITTEN_AT - 5_000);
        Image after = stamped(order("PAID"), "us-east-1", WRITTEN_AT);
        record = switch (kind) {
            case "localInsert" -> record("INSERT", null, stamped(order("PLACED"), REGION, WRITTEN_AT), null);
            case "replicaModify" -> record("MODIFY", before, after, null);
            case "tombstone" ->
                record(
                        "MODIFY",
                        after,
                        with(
                                stamped(order("PAID"), REGION, WRITTEN_AT),
                                "_deleted",
                                new AttributeValue.Bool(true),
                                "_expiresAt",
                                AttributeValue.n(1_795_773_600L)),
                        null);
            case "hardDelete" -> record("REMOVE", after, null, null);
            case "ttlExpiry" ->
                record(
                        "REMOVE",
                        with(
                                after,
                                "_deleted",
                                new AttributeValue.Bool(true),
                                "_expiresAt",
                                AttributeValue.n(1_795_687_000L)),
                        null,
                        UserIdentity.TTL_SERVICE);
            case "legacyBookkeeping" ->
                record(
                        "MODIFY",
                        before,
                        with(
                                before,
                                "aws:rep:updateregion",
                                AttributeValue.s("us-east-1"),
                                "aws:rep:updatetime",
                                AttributeValue.n("1795687200.123"),
                                "aws:rep:deleting",
                                new AttributeValue.Bool(false)),
                        null);
            default -> throw new IllegalArgumentException(kind);
        };
        int imageBytes = StreamRecordJson.write(record)
                .get("dynamodb")
                .path(record.newImage().isPresent() ? "NewImage" : "OldImage")
                .toString()
                .length();
        if (imageBytes < 1_000 || imageBytes > 1_300) {
            throw new IllegalStateException(
                    "the benchmark's image should be about 1 KB of stream JSON, but it is " + imageBytes + " bytes");
        }
        if (classifier.classify(record).reason().isEmpty()) {
            throw new IllegalStateException("no reason");
        }
    }

    @Benchmark
    public Classification classify() {
        return classifier.classify(record);
    }

    /** An order of about 1 KB as stream JSON: keys, scalars, a list of line maps and a string set. */
    private static Image order(String status) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("order#0123456789"));
        item.put("sk", AttributeValue.s("v0"));
        item.put("entityType", AttributeValue.s("order"));
        item.put("status", AttributeValue.s(status));
        item.put("customerId", AttributeValue.s("customer#9876543210"));
        item.put("currency", AttributeValue.s("EUR"));
        item.put("total", AttributeValue.n("1234.56"));
        item.put("placedAt", AttributeValue.s("2026-11-26T10:00:00.000Z"));
        item.put(
                "shippingAddress",
                new AttributeValue.M(Map.of(
                        "line1", AttributeValue.s("1 Grand Canal Street Lower"),
                        "city", AttributeValue.s("Dublin"),
                        "postcode", AttributeValue.s("D02 X285"),
                        "country", AttributeValue.s("IE"))));
        item.put("tags", new AttributeValue.SS(java.util.List.of("priority", "gift", "fragile")));
        java.util.List<AttributeValue> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(new AttributeValue.M(Map.of(
                    "sku", AttributeValue.s("sku-000" + i + "-ABCDEFGH"),
                    "quantity", AttributeValue.n(i + 1),
                    "price", AttributeValue.n("19.99"))));
        }
        item.put("lines", new AttributeValue.L(lines));
        item.put(
                "notes",
                AttributeValue.s(
                        "Leave the parcel with the neighbour at number 3 if nobody answers the door; call before delivering."));
        return new Image(item);
    }

    private static Image stamped(Image image, String region, long writtenAt) {
        return with(image, "_origin", AttributeValue.s(region), "_writtenAt", AttributeValue.n(writtenAt));
    }

    private static Image with(Image image, Object... namesAndValues) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>(image.attributes());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return new Image(attributes);
    }

    private static ChangeRecord record(String eventName, Image before, Image after, UserIdentity identity) {
        Image keys = new Image(Map.of("pk", AttributeValue.s("order#0123456789"), "sk", AttributeValue.s("v0")));
        String arn = "arn:aws:dynamodb:" + REGION + ":123456789012:table/orders/stream/2026-11-26T00:00:00.000";
        return new ChangeRecord(
                "event-1",
                eventName,
                StreamSource.fromArn(arn),
                "111000000000000000001",
                Instant.ofEpochSecond(1_795_687_300L),
                keys,
                Optional.ofNullable(before),
                Optional.ofNullable(after),
                Optional.ofNullable(identity),
                2_048);
    }
}
