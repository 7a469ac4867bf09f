package dev.distributary.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.processor.internal.aws.LambdaRecords;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.tracing.Tracing;

/**
 * The Lambda entry point: reads its configuration once from the environment, hands each batch to
 * the {@link StreamProcessor}, and answers with the first sequence number to retry
 * (ReportBatchItemFailures). The records are turned back into the JSON the stream delivered
 * ({@link LambdaRecords}, keeping everything present) so that the pipeline can judge them and
 * quarantine a bad one whole. The environment is documented in the module README.
 *
 * <p>The event is read as a tumbling-window event: with the checkpoint ledger the event source
 * mapping has a tumbling window, so Lambda names the batch's shard, and the answer must carry a
 * {@code state} (Lambda counts an answer without one as a failed invocation). The processor keeps
 * no window state: the state is always empty. Without a window the shard is absent and the state
 * is not read.
 */
public final class RegionalProcessorHandler
        implements RequestHandler<DynamodbTimeWindowEvent, TimeWindowEventResponse>, Resource {
    private final ProcessorClients clients;
    private final StreamProcessor processor;

    public RegionalProcessorHandler() {
        this(ProcessorConfig.fromEnvironment(System.getenv()));
    }

    RegionalProcessorHandler(ProcessorConfig config) {
        this.clients = new ProcessorClients(config);
        this.processor = clients.processor(Clock.systemUTC());
        Core.getGlobalContext().register(this);
        if (!SNAP_START.equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            // On-demand init runs with a boosted CPU: prime now rather than in the first batch.
            Priming.prime(clients);
        }
    }

    private static final String SNAP_START = "snap-start";

    @Override
    @Logging
    @Tracing
    public TimeWindowEventResponse handleRequest(DynamodbTimeWindowEvent event, Context context) {
        List<JsonNode> records = event.getRecords() == null
                ? List.of()
                : event.getRecords().stream()
                        .<JsonNode>map(LambdaRecords::toJson)
                        .toList();
        BatchResult result = processor.process(LambdaRecords.shard(event), records, context::getRemainingTimeInMillis);
        return TimeWindowEventResponse.builder()
                .withState(Map.of())
                .withBatchItemFailures(result.retryFrom()
                        .map(sequence -> List.of(new TimeWindowEventResponse.BatchItemFailure(sequence)))
                        .orElse(List.of()))
                .build();
    }

    /** SnapStart: warm the clients and serializers before the snapshot is taken. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.prime(clients);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: credentials come from the restored environment
    }
}
