package dev.distributary.benchmarks;

import dev.distributary.change.ChangeRecord;
import dev.distributary.replication.OriginClassifier;
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

/** Origin classification ({@link OriginClassifier}), per record, over the batch of 100 (half local, half replicated). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@State(Scope.Benchmark)
public class ClassifyStageBenchmark {
    @Param({"1KB", "40KB"})
    public String itemSize;

    private Batch batch;
    private OriginClassifier classifier;

    @Setup
    public void setUp() {
        batch = Batch.of(itemSize);
        classifier = OriginClassifier.of(batch.topology(), StreamEvents.REGION);
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public void classify(Blackhole blackhole) {
        for (ChangeRecord change : batch.changes()) {
            blackhole.consume(classifier.classify(change));
        }
    }
}
