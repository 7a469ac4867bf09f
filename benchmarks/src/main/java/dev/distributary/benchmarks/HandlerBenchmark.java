package dev.distributary.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.benchmarks.naive.NaivePipeline;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.PublishOutcome;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.processor.BatchResult;
import dev.distributary.processor.ProcessorConfig;
import dev.distributary.processor.ProcessorMetrics;
import dev.distributary.processor.Quarantine;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.processor.StreamProcessor;
import dev.distributary.processor.StreamShard;
import dev.distributary.processor.idempotency.CheckpointLedger;
import dev.distributary.processor.idempotency.PerRecordLedger;
import dev.distributary.processor.idempotency.PowertoolsRecordLedger;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.processor.internal.aws.LambdaRecords;
import dev.distributary.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The whole handler, records per second on one core: a {@link DynamodbEvent} of 100 records (as
 * the runtime hands it over) through the regional processor — its record JSON, decode, classify,
 * residency guard, envelope, the publish ledger ({@code ledger}: the checkpoint ledger, the default,
 * or the real Powertools-backed per-record ledger) over an in-memory store, PublishBatch to an
 * in-memory topic, the batch response — beside the naive design ({@link NaivePipeline}: decode,
 * envelope, one Publish per record to an in-memory topic) on the same event. No I/O: the topic and
 * the store cost next to nothing, so this is the CPU each design spends per record; the ledger
 * forgets the batch before each invocation, so every one is a first delivery.
 * {@link HandlerComparison} runs both and prints the ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Ddistributary.log.level=WARN", "-XX:ActiveProcessorCount=1"})
@State(Scope.Benchmark)
public class HandlerBenchmark {
    private static final Optional<StreamShard> SHARD =
            Optional.of(new StreamShard(StreamEvents.STREAM_ARN, "shardId-00000001-benchmark"));

    @Param({"1KB", "40KB"})
    public String itemSize;

    private DynamodbEvent event;
    private NaivePipeline naive;
    private final AtomicLong naiveMessages = new AtomicLong();

    @Setup
    public void setUp() {
        buildAnSdkClientAsBothFunctionsDo();
        event = StreamEvents.deserialize(StreamEvents.eventJson(StreamEvents.itemBytes(itemSize), StreamEvents.BATCH));
        naive = new NaivePipeline(
                StreamEvents.REGION,
                StreamEvents.topology(),
                StreamEvents.TOPIC_ARN,
                (topicArn, json, attributes) -> naiveMessages.incrementAndGet());
        if (naive.process(records()) != StreamEvents.BATCH) {
            throw new IllegalStateException("the naive pipeline should publish every record");
        }
    }

    /**
     * Both designs' functions build their SNS client when they start (the naive one in {@code
     * NaiveHandler}), and building one starts the jar's logging: the SDK's loggers bind to Log4j,
     * whose start-up runs JDK string and map code over data of its own. The benchmark's topics are in
     * memory, so it builds one client here, in both forks, and drops it. Without this only
     * Distributary's fork started Log4j (its record log), and C2 compiled the code both designs
     * share for a different JVM in each fork.
     */
    private static void buildAnSdkClientAsBothFunctionsDo() {
        try (SnsClient sns = SnsClient.builder()
                .region(Region.of(StreamEvents.REGION))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            sns.serviceClientConfiguration();
        }
    }

    /**
     * Distributary's processor with one of its ledgers. Only {@link #distributary} uses it, so JMH
     * runs the naive design once per item size, not once per ledger.
     */
    @State(Scope.Benchmark)
    public static class Processor {
        @Param({"checkpoint", "per-record"})
        public String ledger;

        private InMemoryPersistenceStore records;
        private InMemoryCheckpointStore checkpoints;
        private StreamProcessor processor;

        @Setup
        public void setUp(HandlerBenchmark handlers) {
            Topology topology = StreamEvents.topology();
            records = new InMemoryPersistenceStore();
            checkpoints = new InMemoryCheckpointStore();
            ProcessorConfig config = new ProcessorConfig(
                    StreamEvents.REGION,
                    "shop-processor",
                    topology,
                    Map.of(StreamEvents.REGION, StreamEvents.TOPIC_ARN),
                    "https://sqs.eu-west-1.amazonaws.com/123456789012/shop-quarantine",
                    "shop-idempotency",
                    false);
            Duration expiry = Duration.ofSeconds(topology.processor().idempotencyExpirySeconds());
            PublishLedger publishLedger = "checkpoint".equals(ledger)
                    ? new CheckpointLedger(checkpoints, config.functionName(), expiry)
                    : new PerRecordLedger(new PowertoolsRecordLedger(records, config.functionName(), expiry));
            processor = new StreamProcessor(
                    config,
                    HandlerBenchmark::accept,
                    publishLedger,
                    entries -> new Quarantine.Sent(List.of(), Optional.empty()),
                    ProcessorMetrics.NONE,
                    Clock.systemUTC());
            BatchResult result = processor.process(SHARD, handlers.records(), () -> 60_000);
            long published = result.outcomes().stream()
                    .filter(RecordOutcome.Published.class::isInstance)
                    .count();
            int remembered = "checkpoint".equals(ledger) ? checkpoints.size() : records.size();
            if (published != StreamEvents.BATCH
                    || remembered != ("checkpoint".equals(ledger) ? 1 : StreamEvents.BATCH)) {
                throw new IllegalStateException(
                        "the processor should publish and record all " + StreamEvents.BATCH + " records: " + result);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public StreamsEventResponse distributary(Processor distributary) {
        distributary.records.clear();
        distributary.checkpoints.clear();
        BatchResult result = distributary.processor.process(SHARD, records(), () -> 60_000);
        return StreamsEventResponse.builder()
                .withBatchItemFailures(result.retryFrom()
                        .map(sequence -> List.of(new StreamsEventResponse.BatchItemFailure(sequence)))
                        .orElse(List.of()))
                .build();
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public int naive() {
        return naive.process(records());
    }

    /** What both handlers do first: the event's records as the JSON the stream delivered. */
    private List<JsonNode> records() {
        return event.getRecords().stream().<JsonNode>map(LambdaRecords::toJson).toList();
    }

    /** A topic that takes every message, as a healthy SNS does. */
    private static PublishResult accept(String topicArn, List<Envelope> envelopes) {
        List<PublishOutcome> outcomes = new ArrayList<>(envelopes.size());
        envelopes.forEach(envelope -> outcomes.add(new PublishOutcome.Published(envelope.eventId(), "m")));
        return new PublishResult(outcomes, 1);
    }
}
