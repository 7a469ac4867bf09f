package dev.distributary.processor.idempotency;

import java.util.Objects;

/**
 * A stream record as the ledger knows it.
 *
 * @param key            what identifies it across deliveries: its event ID (or its sequence number when it has none)
 * @param sequenceNumber its sequence number in the shard; may be empty or not a number in a malformed record
 */
public record RecordRef(String key, String sequenceNumber) {
    public RecordRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    }
}
