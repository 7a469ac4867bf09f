package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.replication.Classification;

/** One structured log line per record, and problems worth an operator's attention. */
public interface RecordLog {

    /**
     * Logs the record's coordinates, classification and outcome; never its images unless configured to.
     *
     * @param table the record's table, or null when it could not be decoded
     */
    void record(JsonNode raw, String table, Classification classification, RecordOutcome outcome);

    /** One line per batch: how many records ended how, where to retry from, and how long each stage took. */
    void batch(dev.distributary.processor.BatchResult result, java.util.Map<String, Long> stageMillis);

    void problem(String message);

    /** A problem with the exception behind it. */
    void problem(String message, Throwable cause);
}
