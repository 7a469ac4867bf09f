package dev.distributary.local.chaos;

import java.util.List;
import java.util.Optional;

/** Every scenario, in the order a full run takes them. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new SnsThrottling(),
            new StoreFaults(),
            new DuplicateBatches(),
            new DeathMidBatch(),
            new TimeoutMidBatch(),
            new ReplicationDisorder(),
            new PoisonRecords(),
            new RandomResidency(),
            new MalformedRecords());

    private Scenarios() {}

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
