package dev.distributary.benchmarks.calls;

import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.MappingMetrics;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local platform had done at one moment: the emulator calls per service, operation and
 * resource, and the event source mappings' invocations and invoked records. Two snapshots, before
 * and after a workload, give what the workload cost.
 */
record CallSnapshot(
        Map<String, Map<String, Map<String, Long>>> calls,
        long invocations,
        long finalInvocations,
        long invokedRecords) {

    static CallSnapshot of(LocalPlatform platform) {
        MappingMetrics.Snapshot total = platform.mappingMetrics();
        return new CallSnapshot(
                platform.callsByResource(), total.invocations(), total.finalInvocations(), total.invokedEventCount());
    }

    /** What happened between {@code earlier} and this snapshot. */
    CallSnapshot since(CallSnapshot earlier) {
        Map<String, Map<String, Map<String, Long>>> difference = new TreeMap<>();
        calls.forEach((service, operations) ->
                operations.forEach((operation, resources) -> resources.forEach((resource, count) -> {
                    long before = earlier.calls
                            .getOrDefault(service, Map.of())
                            .getOrDefault(operation, Map.of())
                            .getOrDefault(resource, 0L);
                    if (count > before) {
                        difference
                                .computeIfAbsent(service, s -> new TreeMap<>())
                                .computeIfAbsent(operation, o -> new TreeMap<>())
                                .put(resource, count - before);
                    }
                })));
        return new CallSnapshot(
                difference,
                invocations - earlier.invocations,
                finalInvocations - earlier.finalInvocations,
                invokedRecords - earlier.invokedRecords);
    }

    /** Calls of a service, optionally only of some operations and only naming resources that pass. */
    long count(
            String service,
            java.util.function.Predicate<String> operation,
            java.util.function.Predicate<String> resource) {
        return calls.getOrDefault(service, Map.of()).entrySet().stream()
                .filter(e -> operation.test(e.getKey()))
                .flatMap(e -> e.getValue().entrySet().stream())
                .filter(e -> resource.test(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
