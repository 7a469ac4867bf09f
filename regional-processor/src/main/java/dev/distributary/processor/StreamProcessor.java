package dev.distributary.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.processor.internal.aws.Slf4jRecordLog;
import dev.distributary.processor.internal.pipeline.BatchRun;
import dev.distributary.processor.internal.pipeline.Router;
import dev.distributary.processor.internal.pipeline.Tracer;
import dev.distributary.replication.OriginClassifier;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The regional processor's pipeline, free of Lambda: give it a batch of stream records (in the
 * JSON shape the stream delivers them) and it classifies, guards residency, publishes
 * idempotently, quarantines what must not or cannot be published, and says where the event
 * source mapping must retry from. Build it with injected clients for tests; the Lambda handler
 * builds it from the environment.
 */
public final class StreamProcessor {
    private final BatchRun.PipelineParts parts;
    private final Clock clock;

    public StreamProcessor(
            ProcessorConfig config,
            Publisher publisher,
            PublishLedger ledger,
            Quarantine quarantine,
            ProcessorMetrics metrics,
            Clock clock) {
        this(config, publisher, ledger, quarantine, metrics, Tracer.NONE, clock);
    }

    StreamProcessor(
            ProcessorConfig config,
            Publisher publisher,
            PublishLedger ledger,
            Quarantine quarantine,
            ProcessorMetrics metrics,
            Tracer tracer,
            Clock clock) {
        this(config, publisher, ledger, quarantine, metrics, tracer, clock, BatchRun.Sleeper.THREAD);
    }

    StreamProcessor(
            ProcessorConfig config,
            Publisher publisher,
            PublishLedger ledger,
            Quarantine quarantine,
            ProcessorMetrics metrics,
            Tracer tracer,
            Clock clock,
            BatchRun.Sleeper sleeper) {
        this.clock = clock;
        this.parts = new BatchRun.PipelineParts(
                config.region(),
                config.functionName(),
                OriginClassifier.of(config.topology(), config.region()),
                new Router(config.topology(), config.region(), new EnvelopeFactory(config.topology())),
                ledger,
                publisher,
                config.topics(),
                quarantine,
                metrics,
                new Slf4jRecordLog(config.logImages()),
                tracer,
                sleeper);
    }

    /**
     * Processes one batch of one shard, in shard order.
     *
     * @param shard           the shard the batch was read from (the checkpoint ledger needs it), when the event names it
     * @param records         the stream records, as Lambda delivered them (an element that is not an object is quarantined)
     * @param remainingMillis how long the invocation may still run
     */
    public BatchResult process(
            Optional<StreamShard> shard, List<? extends JsonNode> records, IntSupplier remainingMillis) {
        try {
            return new BatchRun(parts, clock, remainingMillis).run(shard, records);
        } finally {
            parts.metrics().flush();
        }
    }
}
