package dev.distributary.processor.idempotency;

/**
 * Another invocation moved the ledger after this one read it: two invocations are reading one
 * shard (a stale or zombie invocation). The one that finds out stops, and its records are retried
 * against the newer ledger.
 */
public final class StaleLedgerException extends RuntimeException {
    public StaleLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
