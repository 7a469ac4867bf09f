package dev.distributary.processor.internal.pipeline;

import dev.distributary.change.Operation;
import dev.distributary.fanout.FilterPolicy;
import dev.distributary.fanout.MessageAttributes;
import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which regions' consumers a record can reach, decided once per platform rather than per record.
 * A filter policy's {@code table}, {@code eventName} and {@code originKind} conditions depend only
 * on the record's table, operation and origin kind, so for each such triple the table knows, per
 * target region, whether some consumer there takes every such record, none does, or it depends on
 * the item ({@code item.*} conditions, matched against the envelope's message attributes).
 */
final class RoutingTable {
    /** Per table, operation and origin kind, the targets in the order given. */
    private final Map<String, Map<Operation, Map<OriginKind, Reach>>> reaches = new HashMap<>();

    /**
     * One target region a record can reach.
     *
     * @param region      the region whose topic it goes to
     * @param conditional empty when some consumer there takes it whatever the item holds; else the
     *                    policies of the consumers that may take it, one of which must match its attributes
     */
    record Target(String region, List<FilterPolicy> conditional) {
        Target {
            conditional = List.copyOf(conditional);
        }

        boolean unconditional() {
            return conditional.isEmpty();
        }

        /** Whether a record with these message attributes goes to this region. */
        boolean takes(Map<String, String> messageAttributes) {
            if (conditional.isEmpty()) {
                return true;
            }
            for (FilterPolicy policy : conditional) {
                if (policy.matches(messageAttributes)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The targets a record of one table, operation and origin kind can reach, in target order.
     *
     * @param targets           the regions some consumer of which may take it
     * @param needsAttributes   whether some target depends on the item's attributes
     */
    record Reach(List<Target> targets, boolean needsAttributes) {
        Reach(List<Target> targets) {
            this(List.copyOf(targets), targets.stream().anyMatch(target -> !target.unconditional()));
        }
    }

    /** @param subscribers per target region, in order, the filter policies of its consumers */
    RoutingTable(Topology topology, Map<String, List<FilterPolicy>> subscribers) {
        for (TableSpec table : topology.tables()) {
            Map<Operation, Map<OriginKind, Reach>> byOp = new EnumMap<>(Operation.class);
            for (Operation op : Operation.values()) {
                Map<OriginKind, Reach> byKind = new EnumMap<>(OriginKind.class);
                for (OriginKind kind : OriginKind.values()) {
                    byKind.put(kind, reach(subscribers, staticAttributes(table.name(), op, kind)));
                }
                byOp.put(op, byKind);
            }
            reaches.put(table.name(), byOp);
        }
    }

    /** The filter policies of the consumers in each target region, in target order. */
    static Map<String, List<FilterPolicy>> subscribers(Topology topology, List<String> targets) {
        Map<String, List<FilterPolicy>> subscribers = new java.util.LinkedHashMap<>();
        for (String target : targets) {
            List<FilterPolicy> policies = new ArrayList<>();
            for (ConsumerSpec consumer : topology.consumersIn(target)) {
                policies.add(FilterPolicy.forConsumer(topology, consumer));
            }
            subscribers.put(target, List.copyOf(policies));
        }
        return subscribers;
    }

    /** What a record of the platform's table, with this operation and origin kind, can reach. */
    Reach reach(String table, Operation op, OriginKind kind) {
        return reaches.get(table).get(op).get(kind);
    }

    /**
     * The message attributes that the table, operation and origin kind alone decide, as
     * {@link dev.distributary.fanout.EnvelopeFactory} sets them.
     */
    static Map<String, String> staticAttributes(String table, Operation op, OriginKind kind) {
        return Map.of(
                MessageAttributes.TABLE, table,
                MessageAttributes.EVENT_NAME, op.eventName().name(),
                MessageAttributes.ORIGIN_KIND, kind.wireName());
    }

    private static Reach reach(Map<String, List<FilterPolicy>> subscribers, Map<String, String> known) {
        List<Target> targets = new ArrayList<>();
        subscribers.forEach((region, policies) -> {
            List<FilterPolicy> conditional = new ArrayList<>();
            boolean always = false;
            for (FilterPolicy policy : policies) {
                Decision decision = decide(policy, known);
                always |= decision == Decision.ALWAYS;
                if (decision == Decision.DEPENDS) {
                    conditional.add(policy);
                }
            }
            if (always) {
                targets.add(new Target(region, List.of()));
            } else if (!conditional.isEmpty()) {
                targets.add(new Target(region, conditional));
            }
        });
        return new Reach(targets);
    }

    private enum Decision {
        ALWAYS,
        NEVER,
        DEPENDS
    }

    /** How the policy judges a message of which only the {@code known} attributes are certain. */
    private static Decision decide(FilterPolicy policy, Map<String, String> known) {
        boolean complete = true;
        for (Map.Entry<String, List<String>> condition : policy.conditions().entrySet()) {
            String value = known.get(condition.getKey());
            if (value == null) {
                complete = false;
            } else if (!condition.getValue().contains(value)) {
                return Decision.NEVER;
            }
        }
        return complete ? Decision.ALWAYS : Decision.DEPENDS;
    }
}
