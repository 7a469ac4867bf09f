package dev.distributary.local.chaos;

import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Written;
import java.util.List;

/** Checks several scenarios share. */
final class Checks {
    private Checks() {}

    static Check delivery(Tally tally) {
        return Check.of("every expected delivery exactly once, nothing else", tally.clean(), tally.describe());
    }

    static Check leaks(Tally tally) {
        return Check.of(
                "no delivery outside the permitted regions",
                tally.leaked() == 0,
                tally.leaked() + " deliveries in a region their class may not reach");
    }

    static Check writes(Written written) {
        return Check.of(
                "every write succeeded",
                written.failures().isEmpty(),
                written.failures().isEmpty()
                        ? written.changes().size() + " changes written"
                        : written.failures().size() + " writes failed, the first: "
                                + written.failures().get(0));
    }

    static Check nothingDiscarded(MappingMetrics.Snapshot mappings) {
        return Check.of(
                "no record exhausted its retries",
                mappings.droppedEventCount() == 0,
                mappings.droppedEventCount() + " records sent to the on-failure destination; "
                        + mappings.failedInvokeEventCount() + " record invocations failed and were retried");
    }

    static Check caughtUp(List<ShardPosition> shards) {
        List<ShardPosition> behind = shards.stream().filter(s -> !s.caughtUp()).toList();
        return Check.of(
                "every shard's checkpoint reached its last record",
                behind.isEmpty() && !shards.isEmpty(),
                behind.isEmpty()
                        ? shards.size() + " shards caught up"
                        : behind.size() + " behind: " + behind.get(0).describe());
    }

    static Check nothingQuarantined(Evidence evidence) {
        return Check.of(
                "nothing quarantined",
                evidence.quarantine().isEmpty(),
                evidence.quarantine().size() + " quarantine messages"
                        + (evidence.quarantine().isEmpty()
                                ? ""
                                : ", the first: " + evidence.quarantine().get(0).reason()));
    }
}
