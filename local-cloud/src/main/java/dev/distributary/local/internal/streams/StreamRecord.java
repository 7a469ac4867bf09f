package dev.distributary.local.internal.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A record as the mapping sees it: its position, the partition key it is ordered by, its
 * creation time and the JSON Lambda hands to the function (and the filter evaluates).
 */
public record StreamRecord(
        BigInteger sequenceNumber, String partitionKey, Instant approximateCreation, long sizeBytes, ObjectNode json) {
    public StreamRecord {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(approximateCreation, "approximateCreation");
        Objects.requireNonNull(json, "json");
    }

    public String sequence() {
        return sequenceNumber.toString();
    }
}
