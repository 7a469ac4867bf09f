package dev.distributary.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.processor.internal.StreamEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.tracing.Tracing;

/**
 * The Lambda entry point: reads its configuration once from the environment, hands each batch to
 * the {@link StreamProcessor}, and answers with the first sequence number to retry
 * (ReportBatchItemFailures). It reads the event and writes the response as JSON itself
 * ({@link StreamEvents}), so that no record, however malformed, fails the invocation before the
 * pipeline can quarantine it. The environment is documented in the module README.
 */
public final class RegionalProcessorHandler implements RequestStreamHandler, Resource {
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
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<JsonNode> records = StreamEvents.records(input);
        BatchResult result = processor.process(records, context::getRemainingTimeInMillis);
        StreamEvents.writeResponse(output, result.retryFrom());
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
