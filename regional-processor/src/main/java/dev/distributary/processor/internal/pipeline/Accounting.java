package dev.distributary.processor.internal.pipeline;

import dev.distributary.processor.BatchResult;
import dev.distributary.processor.ProcessorMetrics;
import dev.distributary.processor.ProcessorMetrics.Metric;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.processor.SkipReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts and logs every record's outcome (a record not handled is left to the event source
 * mapping's retry, with the reason), and says where the retry must start from.
 */
final class Accounting {
    private final ProcessorMetrics metrics;
    private final RecordLog log;

    Accounting(ProcessorMetrics metrics, RecordLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    BatchResult result(BatchState batch) {
        List<RecordOutcome> outcomes = new ArrayList<>(batch.records.size());
        for (RecordState record : batch.records) {
            if (record.outcome == null) {
                record.outcome = new RecordOutcome.Retry(
                        record.eventId,
                        record.sequence,
                        record.failure != null ? record.failure : "after a record that must be retried first",
                        Optional.ofNullable(record.failureCause));
            }
            RecordOutcome outcome = record.outcome;
            outcomes.add(outcome);
            if (!(outcome instanceof RecordOutcome.Retry)) {
                metrics.count(Metric.Processed, 1);
            }
            if (outcome instanceof RecordOutcome.Published) {
                metrics.count(Metric.Published, 1);
            } else if (outcome instanceof RecordOutcome.Skipped skipped) {
                metrics.count(
                        skipped.reason() == SkipReason.REPLICA_NOT_WANTED ? Metric.SkippedReplica : Metric.Skipped, 1);
            } else if (outcome instanceof RecordOutcome.Quarantined) {
                metrics.count(Metric.Quarantined, 1);
                if (record.route instanceof Route.Quarantine quarantine && quarantine.residency()) {
                    metrics.count(Metric.ResidencyBlocked, 1);
                }
            } else {
                metrics.count(Metric.Retried, 1);
            }
            log.record(record.raw, record.table, record.classification, outcome);
        }
        return new BatchResult(outcomes, batch.failed() ? Optional.of(retryPoint(batch)) : Optional.empty());
    }

    /**
     * The sequence number to report: the first failed record's; when it has none Lambda could
     * match, the nearest earlier record's (it is done, and is skipped when redelivered); when there
     * is none, the first record's, which fails the whole batch, as it must.
     */
    private static String retryPoint(BatchState batch) {
        for (int i = batch.firstFailure(); i >= 0; i--) {
            if (batch.records.get(i).reportable()) {
                return batch.records.get(i).sequence;
            }
        }
        return batch.records.get(0).sequence;
    }
}
