package dev.distributary.topology;

/**
 * How the regional processor remembers what it has published, so that a redelivered stream
 * record is not published twice.
 */
public enum IdempotencyLedger implements YamlName {
    /**
     * One checkpoint item per function and shard: the highest sequence number fully handled, read
     * once per invocation and advanced with one conditional write per published chunk. Needs one
     * invocation per shard at a time (parallelization factor 1), so that the shard's own order is
     * the ledger's order.
     */
    CHECKPOINT("checkpoint"),
    /** One idempotency record per stream record (Powertools idempotency): two writes per record, any parallelization factor. */
    PER_RECORD("per-record");

    private final String yamlName;

    IdempotencyLedger(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
