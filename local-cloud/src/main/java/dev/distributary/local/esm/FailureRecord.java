package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.internal.streams.StreamRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The metadata Lambda sends to an SQS or SNS on-failure destination for a discarded batch of a
 * DynamoDB stream: requestContext, responseContext, version, timestamp and DDBStreamBatchInfo.
 * The records themselves are not included: they must be re-read from the stream within 24 hours.
 */
final class FailureRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a batch was discarded. */
    enum Condition {
        RetryAttemptsExhausted,
        RecordAgeExceeded
    }

    private FailureRecord() {}

    static String of(
            Condition condition,
            String functionArn,
            String streamArn,
            String shardId,
            List<StreamRecord> batch,
            int approximateInvokeCount,
            InvocationResult lastResult) {
        ObjectNode record = JSON.createObjectNode();
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", functionArn);
        request.put("condition", condition.name());
        request.put("approximateInvokeCount", approximateInvokeCount);
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", lastResult instanceof InvocationResult.Crashed ? 500 : 200);
        response.put("executedVersion", "$LATEST");
        if (lastResult instanceof InvocationResult.FunctionError
                || lastResult instanceof InvocationResult.TimedOut
                || lastResult instanceof InvocationResult.Crashed) {
            response.put("functionError", "Unhandled");
        }
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode info = record.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", batch.get(0).sequence());
        info.put("endSequenceNumber", batch.get(batch.size() - 1).sequence());
        info.put(
                "approximateArrivalOfFirstRecord",
                batch.get(0).approximateCreation().toString());
        info.put(
                "approximateArrivalOfLastRecord",
                batch.get(batch.size() - 1).approximateCreation().toString());
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        return record.toString();
    }
}
