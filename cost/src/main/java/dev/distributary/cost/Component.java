package dev.distributary.cost;

/** A line of the bill, with the unit its per-event count is in. */
public enum Component {
    TABLE_WRITES("table writes", "WRU"),
    REPLICATED_WRITES("replicated writes", "rWRU"),
    STREAM_READS("stream reads", "stream RRU"),
    LAMBDA_REQUESTS("Lambda requests", "invocations"),
    LAMBDA_DURATION("Lambda duration", "GB-s"),
    PIPE_REQUESTS("EventBridge Pipes", "pipe requests"),
    IDEMPOTENCY_WRITES("idempotency writes", "WRU"),
    IDEMPOTENCY_READS("idempotency reads", "RRU"),
    SNS("SNS", "publish requests"),
    SNS_BODY_FILTERING("SNS body filtering", "KB scanned"),
    SQS("SQS", "requests"),
    LOGS("CloudWatch Logs", "KB ingested");

    private final String label;
    private final String unit;

    Component(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
