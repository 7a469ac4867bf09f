package dev.distributary.benchmarks;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.processor.internal.Router;
import dev.distributary.replication.ChangeOp;
import dev.distributary.replication.Classification;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.Topology;
import java.util.Optional;
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
 * The residency guard, per record: {@code guard} is its decision alone — the item's data class
 * (declared, else the table's default) and whether the policy permits it in the processing region
 * — made with the same topology calls the processor's {@link Router} makes; {@code route} is the
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
    private Topology topology;
    private ResidencyPolicy residency;
    private Router router;

    @Setup
    public void setUp() {
        batch = Batch.of(itemSize);
        topology = batch.topology();
        residency = topology.residency();
        router = new Router(topology, StreamEvents.REGION, new EnvelopeFactory(topology));
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            if (!permitted(batch.changes().get(i), batch.classifications().get(i))) {
                throw new IllegalStateException("every record of the batch should be permitted in " + StreamEvents.REGION);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public void guard(Blackhole blackhole) {
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            blackhole.consume(permitted(batch.changes().get(i), batch.classifications().get(i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public void route(Blackhole blackhole) {
        for (int i = 0; i < StreamEvents.BATCH; i++) {
            blackhole.consume(router.route(batch.changes().get(i), batch.classifications().get(i)));
        }
    }

    /** The guard's decision, as the Router makes it: a declared class must be a known S; an unknown class is permitted nowhere. */
    private boolean permitted(ChangeRecord change, Classification classification) {
        boolean removal = classification.op().map(op -> op == ChangeOp.REMOVE || op == ChangeOp.TOMBSTONE).orElse(false);
        Optional<Image> item = removal ? change.oldImage().or(change::newImage) : change.newImage();
        Optional<AttributeValue> declared = item.flatMap(image -> image.get(residency.attribute()));
        if (declared.isPresent() && !(declared.get() instanceof AttributeValue.S)) {
            return false;
        }
        String dataClass = declared.map(value -> ((AttributeValue.S) value).value())
                .orElseGet(() -> topology.defaultClass(topology.requireTable(change.table())));
        return residency.isKnownClass(dataClass) && residency.permits(dataClass, StreamEvents.REGION);
    }
}
