package dev.distributary.processor.idempotency;

/** The ledger could not be read or written; the message says what that means for the records involved. */
public final class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerUnavailableException(String message) {
        super(message);
    }
}
