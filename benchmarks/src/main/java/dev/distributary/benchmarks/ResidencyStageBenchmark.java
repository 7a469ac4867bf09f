package dev.distributary.benchmarks;

import dev.distributary.change.ChangeRecord;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.processor.internal.pipeline.ResidencyScreen;
import dev.distributary.processor.internal.pipeline.Router;
import dev.distributary.topology.Topology;
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
 * The residency guard, per record: {@code guard} is its decision alone — whether the table may have
 * a replica in the processing region and the policy permits there every data class the record's
 * images declare (else the table's default) — made by the processor's own {@link ResidencyScreen},
 * the first thing its {@link Router} asks; {@code route} is the
 * Router's whole decision for the record (origin filter, residency guard, the envelope, and the
 * consumers' filter policies), so the guard's share of it is visible beside the envelope's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@State(Scope.Benchmark)
public class ResidencyStageBenchmark {
    @Param({"1KB", "40KB"})
    public String itemSize;

    private Batch batch;
    private ResidencyScreen screen;
    private Router router;

    @Setup
    public void setUp() {
        batch = Batch.of(itemSize);
        Topology topology = batch.topology();
        screen = new ResidencyScreen(topology);
        router = new Router(topology, StreamEvents.REGION, new EnvelopeFactory(topology));
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            if (!permitted(batch.changes().get(i))) {
                throw new IllegalStateException(
                        "every record of the batch should be permitted in " + StreamEvents.REGION);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public void guard(Blackhole blackhole) {
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            blackhole.consume(permitted(batch.changes().get(i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public void route(Blackhole blackhole) {
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            blackhole.consume(
                    router.route(batch.changes().get(i), batch.classifications().get(i)));
        }
    }

    /** The guard's decision, the Router's own: the table may have a replica here, and every class its images declare is permitted here. */
    private boolean permitted(ChangeRecord change) {
        return screen.blocked(change, StreamEvents.REGION).isEmpty();
    }
}
