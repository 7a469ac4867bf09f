package dev.distributary.cost;

/** The designs the model compares. */
public enum Design {
    /**
     * The configured platform: FilterCriteria keep replicated records from regions whose consumers do
     * not want them, the processor publishes with PublishBatch and records what it published in its
     * publish ledger.
     */
    DISTRIBUTARY("Distributary", "Distributary", "distributary"),
    /**
     * A stream function in every replica region that invokes for every record and publishes each one
     * with its own Publish call; consumers' filter policies still match table and event name, but
     * nothing tells a local change from a replicated one.
     */
    NAIVE("naive", "naive", "naive"),
    /**
     * Amazon EventBridge Pipes, no function: one pipe per table and region whose topic takes the
     * table's changes, filtered on the record's own attributes to what the region's consumers take,
     * publishing to the regional SNS topic with PublishBatch; the same SNS to SQS fan-out, with
     * filter policies on the message body (a pipe sets no message attributes).
     */
    PIPES("EventBridge Pipes", "Pipes", "pipes");

    private final String label;
    private final String column;
    private final String key;

    Design(String label, String column, String key) {
        this.label = label;
        this.column = column;
        this.key = key;
    }

    public String label() {
        return label;
    }

    /** The design's name as a column heading. */
    public String column() {
        return column;
    }

    /** The design's name in JSON. */
    public String key() {
        return key;
    }
}
