package dev.distributary.benchmarks.calls;

import dev.distributary.fanout.OriginKind;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Expectations;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.Topology;
import java.util.List;

/**
 * How many messages the naive design delivers: it cannot tell a replicated record from a local
 * write, so every replica region publishes every change as its own, and each consumer there whose
 * tables, event names and filters accept it receives it.
 */
final class NaiveDeliveries {
    private NaiveDeliveries() {}

    static long count(Topology topology, List<Change> changes) {
        long count = 0;
        for (Change change : changes) {
            for (String region : topology.replicaRegions(topology.requireTable(change.table()))) {
                for (ConsumerSpec consumer : topology.consumersIn(region)) {
                    if (Expectations.accepts(consumer, change, OriginKind.LOCAL)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
