package dev.distributary.benchmarks;

import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.OriginKind;
import dev.distributary.replication.Classification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The envelope, per record: {@link EnvelopeFactory#create} builds the CloudEvents JSON (before
 * and after images as plain JSON, type hints), the SNS message attributes, and checks the size
 * against SNS's 256 KB — everything the processor hands to the publisher.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@State(Scope.Benchmark)
public class EnvelopeStageBenchmark {
    @Param({"1KB", "40KB"})
    public String itemSize;

    private Batch batch;
    private EnvelopeFactory envelopes;
    private final List<EventContext> contexts = new ArrayList<>();

    @Setup
    public void setUp() {
        batch = Batch.of(itemSize);
        envelopes = new EnvelopeFactory(batch.topology());
        for (Classification c : batch.classifications()) {
            contexts.add(EventContext.of(
                            c.op().orElseThrow(),
                            c.originRegion().orElseThrow(),
                            c.isLocal() ? OriginKind.LOCAL : OriginKind.REPLICA,
                            "public")
                    .withWriteTime(Instant.ofEpochMilli(c.writeTimeMillis().orElseThrow())));
        }
        Envelope first = envelopes.create(batch.changes().get(0), contexts.get(0));
        if (first.truncated() || first.json().length() < StreamEvents.itemBytes(itemSize)) {
            throw new IllegalStateException("the envelope should carry both images in full, but it is "
                    + first.json().length() + " bytes");
        }
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public void envelope(Blackhole blackhole) {
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            blackhole.consume(envelopes.create(batch.changes().get(i), contexts.get(i)));
        }
    }
}
