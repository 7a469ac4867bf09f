package dev.distributary.processor.idempotency;

import java.time.Instant;
import java.util.Set;

/** The ledger's answer for one record at the start of a batch. */
public sealed interface Admission {

    /** Handle it: publish or quarantine it, then report it in {@link LedgerBatch#handled}. */
    record Admitted() implements Admission {}

    /** Handled by an earlier delivery: skip it. */
    record AlreadyHandled() implements Admission {}

    /** An earlier delivery published it to these regions' topics, not yet to all: publish it to the others only. */
    record PartlyPublished(Set<String> regions) implements Admission {
        public PartlyPublished {
            regions = Set.copyOf(regions);
        }
    }

    /** Another invocation holds it (or died holding it) until {@code until}: retry it after that. */
    record HeldElsewhere(Instant until) implements Admission {}

    /** The ledger could not answer: retry it. */
    record Unavailable(RuntimeException cause) implements Admission {}
}
