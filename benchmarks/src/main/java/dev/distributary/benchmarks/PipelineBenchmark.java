package dev.distributary.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.PublishOutcome;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.processor.BatchResult;
import dev.distributary.processor.ProcessorConfig;
import dev.distributary.processor.ProcessorMetrics;
import dev.distributary.processor.Publisher;
import dev.distributary.processor.StreamProcessor;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The regional processor's own CPU cost per record, without I/O: decoding, classification,
 * routing and the residency guard, the envelope and its attributes, and the batch bookkeeping,
 * for batches of 100 records with ~1 KB images. The topic, the idempotency ledger and the
 * quarantine are in-memory stand-ins that cost next to nothing. Target: 50,000 records a second
 * on one core. Run: {@code java -jar benchmarks/target/benchmarks.jar Pipeline}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Ddistributary.log.level=WARN", "-XX:ActiveProcessorCount=1"})
@State(Scope.Benchmark)
public class PipelineBenchmark {
    private static final String PLATFORM = """
            name: bench
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            tables:
              - name: orders
                partitionKey: {name: pk, type: S}
                sortKey: {name: sk, type: S}
            fanout:
              consumers:
                - {name: billing, tables: [orders], eventNames: [INSERT, MODIFY]}
                - {name: order-cache, tables: [orders], origin: any}
            """;
    private static final String REGION = "eu-west-1";
    private static final int BATCH = 100;

    private StreamProcessor processor;
    private List<ObjectNode> batch;

    @Setup
    public void setUp() {
        Topology topology = TopologyLoader.parse(PLATFORM, "bench.yaml");
        ProcessorConfig config = new ProcessorConfig(REGION, "bench-processor", topology,
                Map.of(REGION, "arn:aws:sns:eu-west-1:123456789012:bench-events"), "https://sqs/q", "bench-idempotency", false);
        processor = new StreamProcessor(config, new AcceptingTopic(), new ClaimEverything(), entries -> List.of(),
                ProcessorMetrics.NONE, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
        batch = new ArrayList<>();
        StreamSource source = new StreamSource("arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/x", REGION, "orders");
        for (int i = 0; i < BATCH; i++) {
            batch.add(StreamRecordJson.write(record(source, i)));
        }
        int size = batch.get(0).toString().length();
        if (size < 1_900 || size > 3_500) {
            throw new IllegalStateException("each record should carry two ~1 KB images, not " + size + " bytes");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchResult processBatchOf100() {
        BatchResult result = processor.process(batch, () -> 60_000);
        if (result.retryFrom().isPresent()) {
            throw new IllegalStateException("the benchmark's batch must be published in full");
        }
        return result;
    }

    private static ChangeRecord record(StreamSource source, int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("order#" + i));
        item.put("sk", AttributeValue.s("v0"));
        item.put("entityType", AttributeValue.s("order"));
        item.put("status", AttributeValue.s("PAID"));
        item.put("total", AttributeValue.n("1234.50"));
        item.put("notes", AttributeValue.s("n".repeat(850)));
        item.put("_origin", AttributeValue.s(i % 2 == 0 ? REGION : "us-east-1"));
        item.put("_writtenAt", AttributeValue.n(1_795_687_200_000L + i));
        Image keys = new Image(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
        return new ChangeRecord("event-" + i, "MODIFY", source, Long.toString(1_000_000 + i), Instant.parse("2026-11-26T11:59:59Z"),
                keys, Optional.of(new Image(item)), Optional.of(new Image(item)), Optional.empty(), 2_000);
    }

    /** A topic that accepts everything, as a healthy SNS does. */
    private static final class AcceptingTopic implements Publisher {
        @Override
        public PublishResult publish(String topicArn, List<Envelope> envelopes) {
            List<PublishOutcome> outcomes = new ArrayList<>(envelopes.size());
            envelopes.forEach(envelope -> outcomes.add(new PublishOutcome.Published(envelope.eventId(), "m")));
            return new PublishResult(outcomes, 1);
        }
    }

    /** A ledger that has never seen a record: every claim succeeds, as for a first delivery. */
    private static final class ClaimEverything implements PublishLedger {
        @Override
        public Claim claim(String eventId, Instant now, int remainingMillis) {
            return new Claim.Claimed();
        }

        @Override
        public void complete(String eventId, Instant now) {
        }

        @Override
        public void release(String eventId) {
        }
    }
}
