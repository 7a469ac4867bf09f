package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.local.internal.streams.StreamRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a function's response under ReportBatchItemFailures: an empty or absent list is success;
 * otherwise Lambda checkpoints before the lowest reported sequence number. An identifier that is
 * empty, malformed or not in the batch, or a response that is not JSON, fails the whole batch.
 */
final class BatchResponse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchResponse() {}

    /** How the function's answer reads. */
    sealed interface Outcome {
        record AllSucceeded() implements Outcome {}

        /** Records before {@code firstFailed} succeeded; it and everything after are to be retried. */
        record PartialFailure(BigInteger firstFailed) implements Outcome {}

        record Invalid(String reason) implements Outcome {}
    }

    /** The response as JSON; null when it is empty, {@code null} or not JSON. */
    static JsonNode json(String payload) {
        try {
            return payload == null || payload.isBlank() || payload.equals("null") ? null : JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    static Outcome read(String payload, List<StreamRecord> batch) {
        JsonNode response = json(payload);
        if (response == null && payload != null && !payload.isBlank() && !payload.equals("null")) {
            return new Outcome.Invalid("the response is not JSON");
        }
        JsonNode failures = response == null ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return new Outcome.AllSucceeded();
        }
        if (!failures.isArray()) {
            return new Outcome.Invalid("batchItemFailures is not a list");
        }
        Set<BigInteger> inBatch =
                batch.stream().map(StreamRecord::sequenceNumber).collect(Collectors.toSet());
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            Optional<BigInteger> id = sequence(failure.get("itemIdentifier"));
            if (id.isEmpty() || !inBatch.contains(id.get())) {
                return new Outcome.Invalid(
                        "itemIdentifier " + failure.get("itemIdentifier") + " is not a sequence number of the batch");
            }
            lowest = lowest == null ? id.get() : lowest.min(id.get());
        }
        return new Outcome.PartialFailure(lowest);
    }

    private static Optional<BigInteger> sequence(JsonNode identifier) {
        if (identifier == null
                || !identifier.isTextual()
                || identifier.textValue().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigInteger(identifier.textValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
