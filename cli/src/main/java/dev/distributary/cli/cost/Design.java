package dev.distributary.cli.cost;

/** The two designs the model compares. */
public enum Design {
    /**
     * The configured platform: FilterCriteria keep replicated records from regions whose consumers do
     * not want them, the processor claims each record it publishes (two idempotency writes) and
     * publishes with PublishBatch.
     */
    DISTRIBUTARY("Distributary"),
    /**
     * A stream function in every replica region that invokes for every record and publishes each one
     * with its own Publish call; consumers' filter policies still match table and event name, but
     * nothing tells a local change from a replicated one.
     */
    NAIVE("naive");

    private final String label;

    Design(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
