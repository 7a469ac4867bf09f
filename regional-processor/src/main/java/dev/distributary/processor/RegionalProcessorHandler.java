package dev.distributary.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.distributary.processor.internal.aws.LambdaEventJson;
import dev.distributary.processor.internal.aws.StartupWarmUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.tracing.Tracing;

/**
 * The Lambda entry point: reads its configuration once from the environment, hands each batch to
 * the {@link StreamProcessor}, and answers with the first sequence number to retry
 * (ReportBatchItemFailures). A stream handler: the event is read as JSON ({@link LambdaEventJson}),
 * its records passed on as the stream delivered them, so that the pipeline can judge them and
 * quarantine a bad one whole, and the runtime's typed serializer is never loaded (a cold start saves
 * it). The environment is documented in the module README.
 *
 * <p>With the checkpoint ledger the event source mapping has a tumbling window, so Lambda names the
 * batch's shard, and the answer must carry a {@code state} (Lambda counts an answer without one as a
 * failed invocation). The processor keeps no window state: the state is always empty. Without a
 * window the shard is absent and the state is not read.
 */
public final class RegionalProcessorHandler implements RequestStreamHandler, Resource {
    private final ProcessorClients clients;
    private final StreamProcessor processor;

    public RegionalProcessorHandler() {
        this(StartupWarmUp.begin(), System.getenv());
    }

    private RegionalProcessorHandler(StartupWarmUp warmUp, Map<String, String> environment) {
        this(ProcessorConfig.fromEnvironment(environment));
        warmUp.await();
    }

    RegionalProcessorHandler(ProcessorConfig config) {
        this.clients = new ProcessorClients(config);
        this.processor = clients.processor(Clock.systemUTC());
        Core.getGlobalContext().register(this);
        if (!SNAP_START.equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            // On-demand init is observed to run with more CPU than an invocation: prime now rather than in the first
            // batch.
            Priming.primeFirstBatch(clients);
        }
    }

    private static final String SNAP_START = "snap-start";

    @Override
    @Logging
    @Tracing
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEventJson.Batch batch = LambdaEventJson.read(input);
        BatchResult result = processor.process(batch.shard(), batch.records(), context::getRemainingTimeInMillis);
        LambdaEventJson.answer(output, result.retryFrom());
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
