package dev.distributary.processor;

import java.util.List;

/**
 * Where records that must not or cannot be published go, with the reason (the quarantine queue): with
 * their full payload, except a residency block, whose message withholds every attribute value but the keys.
 */
public interface Quarantine {

    /** One record to quarantine. */
    record Entry(String eventId, String sequenceNumber, String reason, String message) {
    }

    /**
     * Sends the entries; returns the event IDs that were accepted. Entries not returned failed
     * transiently and are retried with their batch.
     */
    List<String> send(List<Entry> entries);
}
