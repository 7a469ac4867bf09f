package dev.distributary.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.Operation;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Expectations;
import dev.distributary.replication.writer.OriginStampingInterceptor;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A handful of malformed records end to end, among an ordinary workload: an item the emulator
 * stores although DynamoDB would not (nesting beyond 32 levels), and items DynamoDB would store
 * that the platform must not publish (an origin stamp or a write time of the wrong type, a data
 * class that is a number, an item written without the origin stamp), each written around the
 * SDK's writer; plus an item too large for an SNS message, which must be published keys-only. No
 * invocation may fail; each bad record is quarantined with a reason by each processor that sees
 * it, once, with the record as received (the one whose data class is unreadable is a residency
 * block: its message withholds the record); everything else is delivered exactly once.
 *
 * <p>Records broken in their structure (a BOOL that is a string, an attribute without a name) are
 * refused by the SDK when the emulator's stream returns them, so they cannot travel end to end
 * here; the processor's property test and its event-reading test cover them.
 */
final class MalformedRecords implements Scenario {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Deeper than DynamoDB's 32 levels; the SDK still reads it back from the emulator. */
    private static final int TOO_DEEP = 40;

    @Override
    public String name() {
        return "malformed";
    }

    @Override
    public String summary() {
        return "malformed records end to end (deep nesting, wrong types, no stamp, oversized); no invocation fails, each quarantined with a reason";
    }

    @Override
    public int defaultEvents() {
        return 200;
    }

    @Override
    public List<Planted> plant(LocalPlatform platform, ChaosOptions chaos) {
        Topology topology = platform.options().topology();
        List<Planted> planted = new ArrayList<>();
        TableSpec single = topology.tables().stream()
                .min((a, b) -> Integer.compare(processing(topology, a), processing(topology, b)))
                .filter(t -> processing(topology, t) > 0)
                .orElseThrow();
        String singleRegion = topology.writingRegions(single).get(0);
        int once = processing(topology, single);
        planted.add(raw(
                platform,
                single,
                singleRegion,
                "malformed-origin",
                "an origin stamp that is a number",
                once,
                "unclassifiable:",
                item -> item.set(single.stamp().originAttribute(), value("N", "42"))));
        planted.add(raw(
                platform,
                single,
                singleRegion,
                "malformed-write-time",
                "a write time that is a string",
                once,
                "unclassifiable:",
                item -> stamp(item, single, singleRegion)
                        .set(single.stamp().writeTimeAttribute(), value("S", "yesterday"))));
        planted.add(raw(
                platform,
                single,
                singleRegion,
                "malformed-class",
                "a data class that is a number",
                once,
                "residency:",
                item -> stamp(item, single, singleRegion)
                        .set(topology.residency().attribute(), value("N", "7"))));
        planted.add(raw(
                platform,
                single,
                singleRegion,
                "malformed-deep",
                "nesting 40 levels deep (DynamoDB allows 32)",
                once,
                "malformed:",
                item -> stamp(item, single, singleRegion).set("nested", nested(TOO_DEEP))));
        TableSpec global = topology.tables().stream()
                .max((a, b) -> Integer.compare(processing(topology, a), processing(topology, b)))
                .orElseThrow();
        String primary = topology.routing().primary();
        planted.add(raw(
                platform,
                global,
                primary,
                "malformed-unstamped",
                "an item written without the origin stamp",
                1,
                "unstamped:",
                item -> item.set("status", value("S", "PLACED"))));
        String globalRegion = topology.writingRegions(global)
                .get(topology.writingRegions(global).size() - 1);
        planted.add(raw(
                platform,
                global,
                globalRegion,
                "malformed-origin-everywhere",
                "an origin stamp that is a number, replicated",
                processing(topology, global),
                "unclassifiable:",
                item -> item.set(global.stamp().originAttribute(), value("N", "42"))));
        planted.add(huge(platform, topology, global, globalRegion));
        return planted;
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Tally tally = Tally.exactlyOnce(evidence.topology(), evidence.changes(), evidence.workloadDeliveries());
        List<String> problems = new ArrayList<>();
        if (evidence.planted().isEmpty()) {
            problems.add("no malformed record was planted, so nothing was proved");
        }
        int expectedQuarantines = 0;
        for (Planted record : evidence.planted()) {
            List<QuarantinedRecord> messages = evidence.quarantine().stream()
                    .filter(q -> q.table().equals(record.table()) && q.subject().equals(record.subject()))
                    .toList();
            expectedQuarantines += record.expectedQuarantines();
            if (messages.size() != record.expectedQuarantines()) {
                problems.add(record.description() + ": quarantined " + messages.size() + " times, "
                        + record.expectedQuarantines() + " expected");
            }
            messages.stream()
                    .filter(q -> !q.reason().startsWith(record.reasonPrefix()))
                    .findFirst()
                    .ifPresent(q -> problems.add(record.description() + ": quarantined for '" + q.reason()
                            + "', expected " + record.reasonPrefix()));
            boolean residency = record.reasonPrefix().startsWith("residency:");
            messages.stream()
                    .filter(q -> q.record().isMissingNode() != residency)
                    .findFirst()
                    .ifPresent(q -> problems.add(record.description()
                            + (residency
                                    ? ": a residency block's quarantine message carries the record"
                                    : ": the quarantine message does not carry the record")));
            List<Delivery> delivered = evidence.deliveries().stream()
                    .filter(d -> d.event().table().equals(record.table())
                            && d.event().subject().equals(record.subject()))
                    .toList();
            if (delivered.size() != record.expectedDeliveries()) {
                problems.add(record.description() + ": delivered " + delivered.size() + " times, "
                        + record.expectedDeliveries() + " expected");
            }
            delivered.stream()
                    .filter(d -> !d.event().truncated())
                    .findFirst()
                    .ifPresent(d -> problems.add(
                            record.description() + ": delivered in full to " + d.queue() + ", which SNS cannot carry"));
        }
        long plantedQuarantined = evidence.quarantine().stream()
                .filter(q -> evidence.planted().stream()
                        .anyMatch(
                                p -> q.table().equals(p.table()) && q.subject().equals(p.subject())))
                .count();
        long others = evidence.quarantine().size() - plantedQuarantined;
        if (others > 0) {
            problems.add(others + " records of the ordinary workload quarantined");
        }
        long failedInvocations = evidence.mappings().failedInvokeEventCount();
        List<Check> checks = List.of(
                Check.of(
                        "each malformed record quarantined with a reason by each processor that sees it, once; the oversized one published keys-only",
                        problems.isEmpty(),
                        problems.isEmpty()
                                ? evidence.planted().size() + " planted records, " + plantedQuarantined
                                        + " quarantine messages"
                                : problems.get(0)
                                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")),
                Check.of(
                        "no invocation failed",
                        failedInvocations == 0,
                        failedInvocations + " record invocations failed"),
                Checks.delivery(tally),
                Checks.writes(evidence.written()));
        long missing = evidence.planted().stream()
                .mapToLong(p -> Math.max(
                        0,
                        p.expectedQuarantines()
                                - evidence.quarantine().stream()
                                        .filter(q -> q.table().equals(p.table())
                                                && q.subject().equals(p.subject()))
                                        .count()))
                .sum();
        return new Verdict(
                checks,
                tally.lost() + missing,
                tally.duplicated(),
                tally.leaked(),
                String.format(
                        "%,d malformed records quarantined %,d times with a reason (%,d expected) and one oversized item published keys-only; "
                                + "no invocation failed; %,d ordinary deliveries exactly once",
                        evidence.planted().size() - 1,
                        plantedQuarantined,
                        expectedQuarantines,
                        tally.expected() - tally.lost()));
    }

    private interface Shape {
        void apply(ObjectNode item);
    }

    private static Planted raw(
            LocalPlatform platform,
            TableSpec table,
            String region,
            String id,
            String description,
            int quarantines,
            String reasonPrefix,
            Shape shape) {
        ObjectNode item = JSON.objectNode();
        item.set(
                table.partitionKey().name(),
                value(
                        table.partitionKey().type().name(),
                        table.partitionKey().type().name().equals("N") ? Integer.toUnsignedString(id.hashCode()) : id));
        table.sortKey()
                .ifPresent(sort -> item.set(
                        sort.name(),
                        value(sort.type().name(), sort.type().name().equals("N") ? "0" : "v0")));
        shape.apply(item);
        ObjectNode request = JSON.objectNode().put("TableName", table.name());
        request.set("Item", item);
        RawDynamoDb.putItem(platform.endpoint(), region, request);
        return Planted.quarantined(description, table.name(), region, subject(table, item), quarantines, reasonPrefix);
    }

    /** An item of about 350 KB, within DynamoDB's 400 KB, written through the writer: too large for an SNS message. */
    private static Planted huge(LocalPlatform platform, Topology topology, TableSpec table, String region) {
        try (DynamoDbClient writer = platform.aws()
                .configure(DynamoDbClient.builder(), region)
                .httpClient(platform.aws().httpClient())
                .overrideConfiguration(c ->
                        c.addExecutionInterceptor(new OriginStampingInterceptor(region, topology, Clock.systemUTC())))
                .build()) {
            java.util.Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
            item.put(table.partitionKey().name(), AttributeValue.fromS("oversized"));
            table.sortKey().ifPresent(sort -> item.put(sort.name(), AttributeValue.fromS("v0")));
            item.put(
                    table.entityTypeAttribute(),
                    AttributeValue.fromS(table.name().equals("orders") ? "order" : "record"));
            item.put("status", AttributeValue.fromS("PLACED"));
            item.put("version", AttributeValue.fromN("1"));
            item.put("blob", AttributeValue.fromS("x".repeat(350 * 1024)));
            writer.putItem(b -> b.tableName(table.name()).item(item));
        }
        String subject = table.partitionKey().name() + "=oversized"
                + table.sortKey().map(sort -> "," + sort.name() + "=v0").orElse("");
        Change change = new Change(
                table.name(),
                region,
                subject,
                Operation.INSERT,
                1,
                topology.defaultClass(table),
                Map.of(
                        table.entityTypeAttribute(),
                        table.name().equals("orders") ? "order" : "record",
                        "status",
                        "PLACED"),
                0);
        return Planted.truncated(
                "an item of 350 KB, too large for one SNS message",
                table.name(),
                region,
                subject,
                Expectations.of(topology, List.of(change)).size());
    }

    private static ObjectNode stamp(ObjectNode item, TableSpec table, String region) {
        item.set(table.stamp().originAttribute(), value("S", region));
        item.set(table.stamp().writeTimeAttribute(), value("N", Long.toString(System.currentTimeMillis())));
        return item;
    }

    private static ObjectNode value(String type, String text) {
        return JSON.objectNode().put(type, text);
    }

    private static JsonNode nested(int depth) {
        JsonNode value = value("S", "leaf");
        for (int i = 1; i < depth; i++) {
            value = JSON.objectNode().set("M", JSON.objectNode().set("n", value));
        }
        return value;
    }

    private static String subject(TableSpec table, ObjectNode item) {
        StringBuilder subject = new StringBuilder(table.partitionKey().name())
                .append('=')
                .append(text(item.get(table.partitionKey().name())));
        table.sortKey()
                .ifPresent(sort ->
                        subject.append(',').append(sort.name()).append('=').append(text(item.get(sort.name()))));
        return subject.toString();
    }

    private static String text(JsonNode value) {
        return value.has("S") ? value.get("S").asText() : value.path("N").asText();
    }

    private static int processing(Topology topology, TableSpec table) {
        return (int) topology.replicaRegions(table).stream()
                .filter(topology.processingRegions()::contains)
                .count();
    }
}
