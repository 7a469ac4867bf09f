package dev.distributary.local.chaos;

import dev.distributary.fanout.OriginKind;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.replication.ReplicationSettings;
import dev.distributary.local.workload.Expectations;
import dev.distributary.local.workload.Workload;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Replication delayed by 0.1 to 6 seconds per copy and not kept in order, so copies of an item
 * overtake each other. Each change is delivered once in the region that took it; elsewhere each
 * version at most once and the item's last version always (an overtaken older copy loses to
 * last-writer-wins and never appears there); and every replica of every table ends identical.
 */
final class ReplicationDisorder implements Scenario {

    @Override
    public String name() {
        return "replication-disorder";
    }

    @Override
    public String summary() {
        return "replication delayed 0.1-6 s and reordered; local deliveries exactly once, replicas converge on the last version";
    }

    @Override
    public int defaultEvents() {
        return 600;
    }

    @Override
    public LocalOptions configure(LocalOptions options, ChaosOptions chaos, AtomicLong repeatedInvocations) {
        ReplicationSettings current = options.replication();
        return options.withReplication(
                new ReplicationSettings(Duration.ofMillis(100), Duration.ofSeconds(6), false, current.pollInterval()));
    }

    @Override
    public Collection<String> awaited(Topology topology, Workload workload) {
        return Expectations.of(topology, workload.changes()).stream()
                .filter(e -> e.kind() == OriginKind.LOCAL)
                .map(Expectations.Expected::key)
                .toList();
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Tally tally = Tally.converging(evidence.topology(), evidence.changes(), evidence.deliveries());
        List<String> differences = differences(evidence.topology(), platform);
        List<Check> checks = List.of(
                Check.of(
                        "local deliveries exactly once; replicas at most once per version and always the last",
                        tally.clean(),
                        tally.describe()),
                Check.of(
                        "every replica converged",
                        differences.isEmpty(),
                        differences.isEmpty()
                                ? "every table identical in each of its regions"
                                : differences.size() + " items differ, e.g. " + differences.get(0)),
                Checks.nothingQuarantined(evidence),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost(),
                tally.duplicated(),
                tally.leaked(),
                String.format(
                        "%,d out-of-order copies lost to last-writer-wins; replicas converged; %,d required deliveries arrived, none twice",
                        evidence.replicaSuperseded(), tally.expected() - tally.lost()));
    }

    /** Items whose copies differ between the regions of their table. */
    private static List<String> differences(Topology topology, LocalPlatform platform) {
        List<String> differences = new ArrayList<>();
        for (TableSpec table : topology.tables()) {
            List<String> regions = topology.replicaRegions(table);
            if (regions.size() < 2) {
                continue;
            }
            Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> byRegion = new HashMap<>();
            for (String region : regions) {
                Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();
                platform.aws()
                        .dynamoDb(region)
                        .scanPaginator(b -> b.tableName(table.name()))
                        .items()
                        .forEach(item -> {
                            Map<String, AttributeValue> key = new HashMap<>();
                            key.put(
                                    table.partitionKey().name(),
                                    item.get(table.partitionKey().name()));
                            table.sortKey().ifPresent(sort -> key.put(sort.name(), item.get(sort.name())));
                            items.put(key, item);
                        });
                byRegion.put(region, items);
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> first = byRegion.get(regions.get(0));
            for (String region : regions.subList(1, regions.size())) {
                Map<Map<String, AttributeValue>, Map<String, AttributeValue>> other = byRegion.get(region);
                first.forEach((key, item) -> {
                    if (!item.equals(other.get(key))) {
                        differences.add(table.name() + " " + key + " in " + regions.get(0) + " and " + region);
                    }
                });
                other.keySet().stream()
                        .filter(key -> !first.containsKey(key))
                        .forEach(key -> differences.add(table.name() + " " + key + " only in " + region));
            }
        }
        return differences;
    }
}
