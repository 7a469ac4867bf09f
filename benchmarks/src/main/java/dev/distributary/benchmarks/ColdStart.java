package dev.distributary.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.function.LocalFunction;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A measured report, not JMH: the time from a fresh JVM to the first handled batch, clients
 * built, for the processor's deployment jar run as Lambda runs it (AWS's Runtime Interface
 * Client in a child JVM) against moto; then a warm batch for comparison.
 * Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.ColdStart [runs]}.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        // The processor's X-Ray instrumentation is on this class path too; outside Lambda there is no segment.
        System.setProperty("com.amazonaws.xray.strategy.contextMissingStrategy", "IGNORE_ERROR");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path platformFile = Path.of("platform.yaml");
        Path work = Files.createTempDirectory("distributary-coldstart-");
        LocalOptions options = LocalOptions.defaults(TopologyLoader.load(platformFile), Files.readString(platformFile),
                Path.of(LocalOptions.DEFAULT_PROCESSOR_JAR), work);
        try (LocalPlatform platform = LocalPlatform.start(options, line -> { })) {
            String streamArn = platform.resources().get("us-east-1").streamArns().get("orders");
            System.out.printf("run  cold batch (JVM start to response)  warm batch%n");
            for (int run = 1; run <= runs; run++) {
                try (LocalFunction function = platform.freshFunction("us-east-1")) {
                    long start = System.nanoTime();
                    InvocationResult cold = function.invoke(event(streamArn, run * 100));
                    long coldMillis = (System.nanoTime() - start) / 1_000_000;
                    start = System.nanoTime();
                    InvocationResult warm = function.invoke(event(streamArn, run * 100 + 50));
                    long warmMillis = (System.nanoTime() - start) / 1_000_000;
                    if (!(cold instanceof InvocationResult.Success) || !(warm instanceof InvocationResult.Success)) {
                        throw new IllegalStateException("the function failed: " + cold.describe() + " / " + warm.describe());
                    }
                    System.out.printf("%3d  %6d ms                           %5d ms%n", run, coldMillis, warmMillis);
                }
            }
        }
    }

    /** A DynamodbEvent of ten local inserts into us-east-1's orders stream. */
    private static String event(String streamArn, int first) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        var records = event.putArray("Records");
        StreamSource source = StreamSource.fromArn(streamArn);
        for (int i = first; i < first + 10; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.s("cold-" + i), "sk", AttributeValue.s("v0"),
                    "_origin", AttributeValue.s("us-east-1"), "_writtenAt", AttributeValue.n(System.currentTimeMillis()));
            Image keys = new Image(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
            records.add(StreamRecordJson.write(new ChangeRecord("cold-event-" + i, "INSERT", source, Long.toString(10_000 + i),
                    Instant.now(), keys, Optional.empty(), Optional.of(new Image(item)), Optional.empty(), 200)));
        }
        return event.toString();
    }
}
