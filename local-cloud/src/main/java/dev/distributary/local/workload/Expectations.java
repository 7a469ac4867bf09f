package dev.distributary.local.workload;

import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Which queue must receive which change, worked out from the platform's rules alone (not from
 * what the platform did): a consumer's queue in a region gets a change when the change's class
 * is permitted there, the region sees the change (a replica of its table in multi-writer mode;
 * the primary's routing in primary-region mode), and the consumer's tables, event names, origin
 * scope and attribute filters accept it.
 */
public final class Expectations {
    private Expectations() {}

    /** One expected delivery: a change in a consumer's queue of a region. */
    public record Expected(String consumer, String region, Change change, OriginKind kind) {
        public String key() {
            return consumer + "@" + region + "|" + change.identity();
        }
    }

    public static List<Expected> of(Topology topology, List<Change> changes) {
        List<Expected> expected = new ArrayList<>();
        boolean primaryMode = topology.routing().mode() == RoutingMode.PRIMARY_REGION;
        for (Change change : changes) {
            for (String region : topology.regions()) {
                if (!topology.residency().permits(change.dataClass(), region)) {
                    continue;
                }
                boolean sees = primaryMode
                        || topology.replicaRegions(topology.requireTable(change.table()))
                                .contains(region);
                if (!sees) {
                    continue;
                }
                OriginKind kind = primaryMode || change.origin().equals(region) ? OriginKind.LOCAL : OriginKind.REPLICA;
                for (ConsumerSpec consumer : topology.consumersIn(region)) {
                    if (accepts(consumer, change, kind)) {
                        expected.add(new Expected(consumer.name(), region, change, kind));
                    }
                }
            }
        }
        return expected;
    }

    /** Whether the consumer's tables, event names, origin scope and attribute filters accept the change seen as {@code kind}. */
    public static boolean accepts(ConsumerSpec consumer, Change change, OriginKind kind) {
        if (!consumer.tables().contains(change.table())
                || !consumer.eventNames().contains(change.op().eventName())) {
            return false;
        }
        if (consumer.origin() == OriginScope.LOCAL && kind != OriginKind.LOCAL) {
            return false;
        }
        return consumer.filters().entrySet().stream().allMatch(filter -> {
            String value = change.attributes().get(filter.getKey());
            return value != null && filter.getValue().contains(value);
        });
    }
}
