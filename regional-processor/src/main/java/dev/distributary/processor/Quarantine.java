package dev.distributary.processor;

import java.util.List;
import java.util.Optional;

/**
 * Where records that must not or cannot be published go, with the reason (the quarantine queue): with
 * their full payload, except a residency block, whose message withholds every attribute value but the keys.
 */
public interface Quarantine {

    /** One record to quarantine. */
    record Entry(String eventId, String sequenceNumber, String reason, String message) {}

    /**
     * What a send achieved: the entry IDs accepted (the others are retried with their batch), and
     * the failure that stopped it, if one did.
     */
    record Sent(List<String> accepted, Optional<RuntimeException> failure) {
        public Sent {
            accepted = List.copyOf(accepted);
        }
    }

    /** Sends the entries; entries not accepted failed transiently and are retried with their batch. */
    Sent send(List<Entry> entries);
}
