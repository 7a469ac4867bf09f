package dev.distributary.processor.internal.pipeline;

import dev.distributary.fanout.Envelope;
import dev.distributary.processor.SkipReason;
import java.util.List;

/** What the processor does with one record. */
public sealed interface Route {

    /** Publish the envelope to the topics of these regions. */
    record Publish(Envelope envelope, List<String> regions, long writeTimeMillis) implements Route {
        public Publish {
            regions = List.copyOf(regions);
        }
    }

    record Skip(SkipReason reason) implements Route {}

    /**
     * Quarantine with this reason. {@code residency} marks a residency block: the record's data may not
     * be held in this region, so its quarantine message withholds every attribute value (keys and
     * coordinates only) and it is counted as ResidencyBlocked; every other quarantine carries the
     * record as received.
     */
    record Quarantine(String reason, boolean residency) implements Route {}
}
