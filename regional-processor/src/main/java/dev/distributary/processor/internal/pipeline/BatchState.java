package dev.distributary.processor.internal.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch's records in shard order, and the first one that must be retried: everything from
 * there on is left to the event source mapping's retry.
 */
final class BatchState {
    final List<RecordState> records = new ArrayList<>();
    private int firstFailure = Integer.MAX_VALUE;

    void fail(RecordState record, String reason) {
        fail(record, reason, null);
    }

    void fail(RecordState record, String reason, Throwable cause) {
        if (record.failure == null) {
            record.failure = reason;
            record.failureCause = cause;
        }
        firstFailure = Math.min(firstFailure, record.index);
    }

    /** Whether the record comes before the first one to retry (so it may still be handled now). */
    boolean beforeFailure(RecordState record) {
        return record.index < firstFailure;
    }

    boolean failed() {
        return firstFailure != Integer.MAX_VALUE;
    }

    int firstFailure() {
        return firstFailure;
    }
}
