package dev.distributary.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.WindowedEvents;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.internal.streams.SdkChangeRecords;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Workload;
import dev.distributary.local.workload.WorkloadOptions;
import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.KeyType;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes across every region where a share of new items carry a random data class: another class
 * of the platform, or one it does not list. Items their table's zone forbids are written around
 * the origin-stamping writer (which would refuse them), so the processors' residency guard is
 * what must stop them. After the workload, a record of a table that must have no replica in a
 * processing region (its personal data included) is delivered to that region's processor, as a
 * misconfigured mapping would. Zero deliveries outside the permitted regions; every block
 * quarantined (reason {@code residency:}) by each processor that saw it, once, and counted in the
 * processors' ResidencyBlocked metric; no quarantine message in a region carries attribute values
 * that region may not hold; every permitted delivery exactly once.
 */
final class RandomResidency implements Scenario {
    static final double OTHER_CLASS_SHARE = 0.3;
    /** Personal data the stray record carries, which its quarantine message must withhold. */
    private static final String STRAY_EMAIL = "x@example.eu";

    @Override
    public String name() {
        return "residency";
    }

    @Override
    public String summary() {
        return "random data classes written across every region, and a record of a table with no replica delivered to a processor; zero deliveries "
                + "outside permitted regions, each block quarantined without its values and counted";
    }

    @Override
    public int defaultEvents() {
        return 5_000;
    }

    @Override
    public WorkloadOptions workload(int events, ChaosOptions chaos) {
        return WorkloadOptions.of(events, chaos.ratePerSecond(), chaos.seed()).withOtherClasses(OTHER_CLASS_SHARE);
    }

    /**
     * Delivers one record of a table to a processing region where the table must have no replica,
     * straight to that region's function, as AWS would deliver it; none when every processing
     * region may hold every table (primary-region routing puts the primary in every zone).
     */
    @Override
    public List<Planted> plant(LocalPlatform platform, ChaosOptions chaos) {
        Topology topology = platform.options().topology();
        for (TableSpec table : topology.tables()) {
            for (String region : topology.processingRegions()) {
                if (topology.replicaRegions(table).contains(region)) {
                    continue;
                }
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                key.put(table.partitionKey().name(), keyValue(table.partitionKey()));
                table.sortKey().ifPresent(sort -> key.put(sort.name(), keyValue(sort)));
                Map<String, AttributeValue> item = new LinkedHashMap<>(key);
                item.put("email", AttributeValue.fromS(STRAY_EMAIL));
                item.put(table.stamp().originAttribute(), AttributeValue.fromS(region));
                StreamSource source = StreamSource.fromArn("arn:aws:dynamodb:" + region + ":123456789012:table/"
                        + table.name() + "/stream/2026-01-01T00:00:00.000");
                ChangeRecord record = new ChangeRecord(
                        "stray-" + table.name() + "-" + region,
                        "INSERT",
                        source,
                        "1",
                        Instant.ofEpochSecond(Instant.now().getEpochSecond()),
                        SdkChangeRecords.image(key),
                        Optional.empty(),
                        Optional.of(SdkChangeRecords.image(item)),
                        Optional.empty(),
                        100);
                ObjectNode event = JsonNodeFactory.instance.objectNode();
                event.putArray("Records").add(StreamRecordJson.write(record));
                int window = topology.processor().tumblingWindowSeconds();
                if (window > 0) {
                    // A mapping with a tumbling window (the checkpoint ledger's) names the shard and the window in
                    // every event.
                    Duration length = Duration.ofSeconds(window);
                    WindowedEvents.decorate(
                            event,
                            source.streamArn(),
                            "shardId-stray-" + table.name(),
                            WindowedEvents.windowStart(Instant.now(), length),
                            length,
                            Map.of(),
                            false);
                }
                InvocationResult result = platform.functions().get(region).invoke(event.toString());
                if (!(result instanceof InvocationResult.Success)) {
                    throw new IllegalStateException(
                            "the stray record's invocation in " + region + " " + result.describe());
                }
                return List.of(Planted.quarantined(
                        "a record of table '" + table.name() + "' delivered to " + region
                                + ", where it must have no replica",
                        table.name(),
                        region,
                        Workload.subject(table, key),
                        1,
                        "residency: table "));
            }
        }
        return List.of();
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Topology topology = evidence.topology();
        Tally tally = Tally.exactlyOnce(topology, evidence.changes(), evidence.deliveries());
        Map<String, Long> expected = new HashMap<>(blocked(topology, evidence.changes()).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        evidence.planted()
                .forEach(p -> expected.merge(
                        p.region() + "|" + p.table() + "|" + p.subject(), (long) p.expectedQuarantines(), Long::sum));
        long blocks = expected.values().stream().mapToLong(Long::longValue).sum();
        List<QuarantinedRecord> residency = evidence.quarantine().stream()
                .filter(q -> q.reason().startsWith("residency:"))
                .toList();
        Map<String, List<QuarantinedRecord>> byItem = residency.stream()
                .collect(Collectors.groupingBy(q -> q.region() + "|" + q.table() + "|" + q.subject()));
        long missing = 0;
        long twice = 0;
        long strays = 0;
        for (String item : union(expected.keySet(), byItem.keySet())) {
            List<QuarantinedRecord> messages = byItem.getOrDefault(item, List.of());
            long records =
                    messages.stream().map(QuarantinedRecord::eventId).distinct().count();
            long wanted = expected.getOrDefault(item, 0L);
            missing += Math.max(0, wanted - records);
            strays += Math.max(0, records - wanted);
            twice += messages.size() - records;
        }
        long others = (long) evidence.quarantine().size() - residency.size();
        List<QuarantinedRecord> leaky = evidence.quarantine().stream()
                .filter(q -> carriesForbiddenValues(topology, q))
                .toList();
        long metric = evidence.metric("ResidencyBlocked");
        long otherClass = evidence.changes().stream()
                .filter(c -> !c.dataClass().equals(topology.defaultClass(topology.requireTable(c.table()))))
                .count();
        List<Check> checks = List.of(
                Checks.leaks(tally),
                Checks.delivery(tally),
                Check.of(
                        "each block quarantined for residency by each processor that saw it, once",
                        missing == 0 && twice == 0 && strays == 0 && others == 0 && blocks > 0,
                        String.format(
                                "%,d blocks, %,d quarantined: %,d missing, %,d twice, %,d not expected, %,d for other reasons",
                                blocks, residency.size(), missing, twice, strays, others)),
                Check.of(
                        "no quarantine message carries attribute values its region may not hold",
                        leaky.isEmpty(),
                        leaky.isEmpty()
                                ? evidence.quarantine().size() + " quarantine messages, "
                                        + residency.stream()
                                                .filter(QuarantinedRecord::withheld)
                                                .count() + " of them withholding the record"
                                : leaky.size() + " do, the first in "
                                        + leaky.get(0).region() + ": "
                                        + leaky.get(0).reason()),
                Check.of(
                        "each block counted (ResidencyBlocked)",
                        metric == blocks,
                        "ResidencyBlocked " + metric + ", " + blocks + " expected"),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost() + missing,
                tally.duplicated() + twice,
                tally.leaked() + leaky.size(),
                String.format(
                        "%,d changes, %,d of another class, and %d stray record(s); %,d blocked where their data may not be held, each quarantined without its values "
                                + "and counted (ResidencyBlocked %,d); %d deliveries and %d quarantine messages carrying values outside permitted regions; "
                                + "%,d permitted deliveries exactly once",
                        evidence.changes().size(),
                        otherClass,
                        evidence.planted().size(),
                        blocks,
                        metric,
                        tally.leaked(),
                        leaky.size(),
                        tally.expected() - tally.lost()));
    }

    /**
     * Whether the message holds attribute values its region may not hold: a residency block that
     * carries the record, or a carried record whose table must have no replica in the region, or an
     * image of a class not permitted there.
     */
    static boolean carriesForbiddenValues(Topology topology, QuarantinedRecord message) {
        if (message.reason().startsWith("residency:")
                && (!message.withheld() || !message.record().isMissingNode())) {
            return true;
        }
        Optional<TableSpec> table = topology.table(message.table());
        if (message.record().isMissingNode() || table.isEmpty()) {
            return false;
        }
        if (!topology.replicaRegions(table.get()).contains(message.region())) {
            return true;
        }
        String attribute = topology.residency().attribute();
        for (JsonNode image : message.images()) {
            String dataClass = image.path(attribute).path("S").asText(topology.defaultClass(table.get()));
            if (!topology.residency().permits(dataClass, message.region())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where each change must be blocked, one entry per block ({@code region|table|subject}): every
     * processing region that sees its record (the region that took it; another replica region of
     * its table whose consumers take replicated changes, since elsewhere the event source filter
     * drops the replica first) and whose zone its class does not include.
     */
    static List<String> blocked(Topology topology, List<Change> changes) {
        boolean primaryMode = topology.routing().mode() == RoutingMode.PRIMARY_REGION;
        Map<String, Boolean> sees = new HashMap<>();
        return changes.stream()
                .flatMap(change -> topology.replicaRegions(topology.requireTable(change.table())).stream()
                        .filter(topology.processingRegions()::contains)
                        .filter(region -> primaryMode
                                || region.equals(change.origin())
                                || sees.computeIfAbsent(
                                        region + "|" + change.table(),
                                        k -> topology.wantsReplicaEvents(region, change.table())))
                        .filter(region -> !topology.residency().permits(change.dataClass(), region))
                        .map(region -> region + "|" + change.table() + "|" + change.subject()))
                .toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static AttributeValue keyValue(KeyAttribute key) {
        return key.type() == KeyType.N ? AttributeValue.fromN("1") : AttributeValue.fromS("stray-1");
    }
}
