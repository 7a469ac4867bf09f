package dev.distributary.local.internal.workload;

import dev.distributary.change.Operation;
import dev.distributary.fanout.OriginKind;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Expectations;
import dev.distributary.topology.FanoutType;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deliveries held against the ground truth: how many the platform's rules call for, how many
 * arrived, and of those how many were lost, duplicated, unexpected, delivered to a region the
 * change's data class may not reach (leaked), or behind a later version of their item in their
 * queue (out of order; judged only where the fan-out promises per-item order, a FIFO fan-out:
 * standard topics and queues may reorder). Deliveries are judged in the order they arrived.
 *
 * @param expected   deliveries the rules call for
 * @param delivered  deliveries received
 * @param lost       expected deliveries that never arrived
 * @param duplicated deliveries of a change the queue had already received
 * @param unexpected deliveries the rules do not call for (leaks included)
 * @param leaked     deliveries in a region the change's class is not permitted in
 * @param outOfOrder deliveries that arrived after a later version of their item in their queue (0 unless order is promised)
 * @param orderPromised whether the fan-out promises per-item order (FIFO), so that order was judged
 * @param examples   a few of the lost, duplicated, unexpected and out-of-order deliveries, for the report
 */
public record Tally(
        long expected,
        long delivered,
        long lost,
        long duplicated,
        long unexpected,
        long leaked,
        long outOfOrder,
        boolean orderPromised,
        List<String> examples) {
    private static final int EXAMPLES = 3;

    public Tally {
        examples = List.copyOf(examples);
    }

    /** Every expected delivery exactly once, nothing else. */
    public static Tally exactlyOnce(Topology topology, List<Change> changes, List<Delivery> deliveries) {
        Set<String> wanted = Expectations.of(topology, changes).stream()
                .map(Expectations.Expected::key)
                .collect(Collectors.toSet());
        Map<String, Long> received =
                deliveries.stream().collect(Collectors.groupingBy(Delivery::key, Collectors.counting()));
        return of(
                topology,
                wanted,
                wanted,
                received,
                leaked(topology, changes, deliveries, Delivery::identity, Change::identity),
                deliveries);
    }

    /**
     * For replication that may reorder copies of an item: deliveries in the writing region exactly
     * once; in every other region each version at most once, and the item's last version without
     * fail (an older copy that arrives after a newer one loses to last-writer-wins and is never
     * seen there, and a copy of a MODIFY that arrives first shows as an INSERT, so replicas are
     * matched by item and version).
     */
    public static Tally converging(Topology topology, List<Change> changes, List<Delivery> deliveries) {
        List<Expectations.Expected> expected = Expectations.of(topology, changes);
        Set<String> local = new HashSet<>();
        Set<String> allowed = new HashSet<>();
        Map<String, Change> lastPerQueueItem = new LinkedHashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            order.put(changes.get(i).identity(), i);
        }
        for (Expectations.Expected e : expected) {
            String queue = e.consumer() + "@" + e.region();
            allowed.add(queue + "|" + e.change().itemVersion());
            if (e.kind() == OriginKind.LOCAL) {
                local.add(queue + "|" + e.change().itemVersion());
            } else {
                lastPerQueueItem.merge(
                        queue + "|" + e.change().item(),
                        e.change(),
                        (a, b) -> order.get(a.identity()) > order.get(b.identity()) ? a : b);
            }
        }
        Set<String> required = new HashSet<>(local);
        lastPerQueueItem.forEach((queueItem, change) ->
                required.add(queueItem.substring(0, queueItem.indexOf('|')) + "|" + change.itemVersion()));
        Map<String, Long> received = deliveries.stream()
                .collect(Collectors.groupingBy(d -> d.queue() + "|" + d.itemVersion(), Collectors.counting()));
        return of(
                topology,
                required,
                allowed,
                received,
                leaked(topology, changes, deliveries, Delivery::itemVersion, Change::itemVersion),
                deliveries);
    }

    private static Tally of(
            Topology topology,
            Set<String> required,
            Set<String> allowed,
            Map<String, Long> received,
            long leaked,
            List<Delivery> deliveries) {
        boolean orderPromised = topology.fanout().type() == FanoutType.FIFO;
        List<String> disorder = orderPromised ? outOfOrder(deliveries) : List.of();
        List<String> lostKeys = required.stream()
                .filter(key -> !received.containsKey(key))
                .sorted()
                .toList();
        List<String> twice = received.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        List<String> strays = received.keySet().stream()
                .filter(key -> !allowed.contains(key))
                .sorted()
                .toList();
        List<String> examples = new ArrayList<>();
        lostKeys.stream().limit(EXAMPLES).forEach(key -> examples.add("lost " + key));
        twice.stream().limit(EXAMPLES).forEach(key -> examples.add("twice " + key));
        strays.stream().limit(EXAMPLES).forEach(key -> examples.add("unexpected " + key));
        disorder.stream().limit(EXAMPLES).forEach(examples::add);
        return new Tally(
                required.size(),
                deliveries.size(),
                lostKeys.size(),
                received.values().stream().mapToLong(count -> count - 1).sum(),
                strays.size(),
                leaked,
                disorder.size(),
                orderPromised,
                examples);
    }

    /**
     * Per queue and item, each first arrival of a version must come after every earlier one's:
     * versions rise, and an item's tombstone follows its last live version. A repeat of a version
     * already seen is a duplicate, not disorder.
     */
    private static List<String> outOfOrder(List<Delivery> deliveries) {
        Map<String, Delivery> latest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> disorder = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (!seen.add(d.queue() + "|" + d.itemVersion())) {
                continue;
            }
            String queueItem =
                    d.queue() + "|" + d.event().table() + "|" + d.event().subject();
            Delivery last = latest.get(queueItem);
            if (last != null && rank(d) < rank(last)) {
                disorder.add("out of order " + d.queue() + "|" + d.itemVersion() + " after " + last.itemVersion());
            } else {
                latest.put(queueItem, d);
            }
        }
        return disorder;
    }

    /** Where a delivered version stands in its item's history: by version, a tombstone after the live version it deleted. */
    private static long rank(Delivery d) {
        return 2 * d.version() + (d.event().op() == Operation.TOMBSTONE ? 1 : 0);
    }

    private static long leaked(
            Topology topology,
            Collection<Change> changes,
            List<Delivery> deliveries,
            Function<Delivery, String> deliveryKey,
            Function<Change, String> changeKey) {
        Map<String, String> classOf = new HashMap<>();
        changes.forEach(change -> classOf.put(changeKey.apply(change), change.dataClass()));
        return deliveries.stream()
                .filter(d -> {
                    String dataClass =
                            classOf.getOrDefault(deliveryKey.apply(d), d.event().residency());
                    return !topology.residency().permits(dataClass, d.region())
                            || !topology.residency().permits(d.event().residency(), d.region());
                })
                .count();
    }

    public boolean clean() {
        return lost == 0 && duplicated == 0 && unexpected == 0 && leaked == 0 && outOfOrder == 0;
    }

    public String describe() {
        return String.format(
                        "%,d of %,d expected deliveries arrived; %,d lost, %,d duplicated, %,d unexpected, %,d outside their class's regions",
                        expected - lost, expected, lost, duplicated, unexpected, leaked)
                + (orderPromised ? String.format(", %,d out of per-item order", outOfOrder) : "")
                + (examples.isEmpty() ? "" : " (" + String.join("; ", examples) + ")");
    }
}
