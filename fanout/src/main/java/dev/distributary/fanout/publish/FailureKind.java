package dev.distributary.fanout.publish;

/** Whether a failed publish may succeed if tried again. */
public enum FailureKind {
    /** Throttling, a service-side (5xx) error, a network failure or an unknown outcome: retry. */
    TRANSIENT,
    /** The request itself is wrong (no such topic, not authorised, too large): retrying cannot help; quarantine. */
    PERMANENT
}
