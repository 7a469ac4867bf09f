package dev.distributary.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.processor.internal.aws.LambdaRecords;
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

/**
 * Decoding, per record, in batches of 100: the raw event JSON to the runtime's {@link DynamodbEvent}
 * (as the Lambda Java runtime deserializes it), that to the processor's record JSON
 * ({@link LambdaRecords}), that to change records ({@link StreamRecordJson}), and all three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@State(Scope.Benchmark)
public class DecodeStageBenchmark {
    @Param({"1KB", "40KB"})
    public String itemSize;

    private Batch batch;

    @Setup
    public void setUp() {
        batch = Batch.of(itemSize);
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public DynamodbEvent runtimeDeserialize() {
        return StreamEvents.deserialize(batch.rawJson());
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public List<ObjectNode> lambdaRecords() {
        return batch.event().getRecords().stream().map(LambdaRecords::toJson).toList();
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public List<ChangeRecord> changeRecords() {
        return batch.lambdaRecords().stream().map(StreamRecordJson::read).toList();
    }

    @Benchmark
    @OperationsPerInvocation(StreamEvents.BATCH)
    public List<ChangeRecord> all() {
        return StreamEvents.deserialize(batch.rawJson()).getRecords().stream()
                .map(LambdaRecords::toJson)
                .map(StreamRecordJson::read)
                .toList();
    }
}
