package dev.distributary.topology;

import java.util.Map;

/**
 * How the platform's own tables and queues are made, wherever they are made: the Pulumi program
 * declares them with these settings and the local run creates them with the same, so that what is
 * tested locally is what is deployed (a parity test compares the two).
 */
public final class PlatformTables {
    /** Every global table's stream carries both images: REMOVE needs the old one, classification the new. */
    public static final String STREAM_VIEW_TYPE = "NEW_AND_OLD_IMAGES";
    /** The idempotency table's key attribute (Powertools idempotency's default, which the checkpoint ledger shares). */
    public static final String IDEMPOTENCY_KEY = "id";
    /** The idempotency table's TTL attribute. */
    public static final String IDEMPOTENCY_EXPIRY = "expiration";
    /**
     * The quarantine and on-failure queues keep a message 14 days, SQS's maximum: a quarantined record or a
     * failure notice waits as long as SQS can for someone to look.
     */
    public static final int FAILURE_RETENTION_SECONDS = 1_209_600;

    private PlatformTables() {}

    /** The quarantine and on-failure queues' SQS attributes at creation. */
    public static Map<String, String> terminalQueueAttributes() {
        return Map.of("MessageRetentionPeriod", Integer.toString(FAILURE_RETENTION_SECONDS));
    }
}
