package dev.distributary.processor.idempotency;

/**
 * A claim found the record expired or gone after each refused put, several times in a row: other
 * invocations are claiming it at the same moment, or the clocks disagree. The record is left for
 * a retry of its batch.
 */
public final class ClaimContendedException extends RuntimeException {
    public ClaimContendedException(String eventId, int attempts) {
        super("the idempotency record of " + eventId + " was expired or gone after " + attempts
                + " refused claims in a row; its batch is retried from it");
    }
}
