package dev.distributary.processor.internal.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.processor.BatchResult;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.processor.internal.pipeline.Failures;
import dev.distributary.processor.internal.pipeline.RecordLog;
import dev.distributary.processor.internal.pipeline.ResidencyScreen;
import dev.distributary.replication.Classification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.LoggingUtils;

/**
 * One compact line per record (logger {@value #RECORDS}: {@code sequenceNumber}, {@code eventId},
 * {@code table}, {@code outcome} and, when it was not published, the {@code reason}), and one line
 * per batch and per problem with the Lambda context of Powertools logging (logger
 * {@value #BATCHES}). Item images are logged (logger {@value #IMAGES}) only at DEBUG and only when
 * {@code DISTRIBUTARY_LOG_IMAGES} is true, and never those of a residency block (the region's logs
 * may not hold them either).
 */
public final class Slf4jRecordLog implements RecordLog {
    static final String RECORDS = "dev.distributary.processor.records";
    static final String BATCHES = "dev.distributary.processor.batches";
    static final String IMAGES = "dev.distributary.processor.images";
    private static final Logger LOG = LoggerFactory.getLogger(RECORDS);
    private static final Logger BATCH_LOG = LoggerFactory.getLogger(BATCHES);
    private static final Logger IMAGE_LOG = LoggerFactory.getLogger(IMAGES);
    private static final String[] KEYS = {"sequenceNumber", "eventId", "table", "outcome", "reason"};

    private final boolean logImages;

    public Slf4jRecordLog(boolean logImages) {
        this.logImages = logImages;
    }

    @Override
    public void record(JsonNode raw, String table, Classification classification, RecordOutcome outcome) {
        if (!LOG.isInfoEnabled() && !(logImages && IMAGE_LOG.isDebugEnabled())) {
            return; // neither line would be written: build no keys
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("sequenceNumber", outcome.sequenceNumber());
        keys.put("eventId", outcome.eventId());
        keys.put("table", table == null ? "" : table);
        keys.put("outcome", outcome.getClass().getSimpleName());
        String reason = reason(outcome);
        if (!reason.isEmpty()) {
            keys.put("reason", reason);
        }
        LoggingUtils.appendKeys(keys);
        try {
            LOG.info("record");
            if (logImages && !residencyBlocked(outcome) && IMAGE_LOG.isDebugEnabled()) {
                IMAGE_LOG.debug("record images {}", raw.path("dynamodb"));
            }
        } finally {
            for (String key : KEYS) {
                LoggingUtils.removeKey(key);
            }
        }
    }

    @Override
    public void batch(BatchResult result, Map<String, Long> stageMillis) {
        if (!BATCH_LOG.isInfoEnabled()) {
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("records", Integer.toString(result.outcomes().size()));
        keys.put("published", Long.toString(result.count(RecordOutcome.Published.class)));
        keys.put("skipped", Long.toString(result.count(RecordOutcome.Skipped.class)));
        keys.put("quarantined", Long.toString(result.count(RecordOutcome.Quarantined.class)));
        keys.put("retryFrom", result.retryFrom().orElse(""));
        stageMillis.forEach((stage, millis) -> keys.put(stage + "Ms", Long.toString(millis)));
        LoggingUtils.appendKeys(keys);
        try {
            BATCH_LOG.info("batch of {} records", keys.get("records"));
        } finally {
            keys.keySet().forEach(LoggingUtils::removeKey);
        }
    }

    @Override
    public void problem(String message) {
        BATCH_LOG.error(message);
    }

    @Override
    public void problem(String message, Throwable cause) {
        BATCH_LOG.error(message, cause);
    }

    private static boolean residencyBlocked(RecordOutcome outcome) {
        return outcome instanceof RecordOutcome.Quarantined quarantined
                && quarantined.reason().startsWith(ResidencyScreen.PREFIX);
    }

    /** Why a record was not published; empty when it was. */
    private static String reason(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Skipped skipped) {
            return skipped.reason().name();
        }
        if (outcome instanceof RecordOutcome.Quarantined quarantined) {
            return quarantined.reason();
        }
        if (outcome instanceof RecordOutcome.Retry retry) {
            return retry.cause()
                    .map(cause -> retry.reason() + " (" + Failures.describe(cause) + ")")
                    .orElse(retry.reason());
        }
        return "";
    }
}
