package dev.distributary.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.StreamSource;
import dev.distributary.local.Instrumentation;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.WindowedEvents;
import dev.distributary.local.function.ClassDataArchives;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.function.LocalFunction;
import dev.distributary.topology.ProcessorEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A measured report, not JMH: the time from a fresh JVM to the first handled batch, clients built,
 * for the processor's deployment jar run as Lambda runs it (AWS's Runtime Interface Client in a
 * child JVM, with the function's {@code JAVA_TOOL_OPTIONS}) against moto; then a warm batch for
 * comparison. Three configurations: the default (the URL-connection client from
 * {@code distributary-processor.jar}, with the local host's class-data archive), the same without
 * the archive, and the CRT client from {@code distributary-processor-crt.jar} with
 * {@code DISTRIBUTARY_HTTP_CLIENT=crt} (when that jar was built). The runs alternate between the
 * configurations (each has its own local platform), after one unmeasured run each, which trains the
 * archive when there is none yet, so that all see the same machine.
 * Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.ColdStart [runs]}.
 */
public final class ColdStart {
    static final String CRT_JAR = "regional-processor/target/distributary-processor-crt.jar";
    static final String BUILD = "./mvnw -pl regional-processor -am package -DskipTests";
    static final String BUILD_CRT = "./mvnw -pl regional-processor -am package -Pcrt-client -DskipTests";

    private ColdStart() {}

    /** One configuration: its jar, the environment that chooses its HTTP client, and whether its JVMs share class data. */
    private record Client(String name, Path jar, Map<String, String> environment, boolean archive) {}

    /** One client's measurements, in milliseconds. */
    private record Runs(List<Long> cold, List<Long> warm) {
        Runs() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        ReportSetup.quiet();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path defaultJar = Path.of(LocalOptions.DEFAULT_PROCESSOR_JAR);
        Client urlConnection = new Client("url-connection", defaultJar, Map.of(), true);
        Client withoutArchive = new Client("no archive", defaultJar, Map.of(), false);
        Client crt = new Client("crt", Path.of(CRT_JAR), Map.of(ProcessorEnvironment.HTTP_CLIENT, "crt"), true);

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("deployment jars%n");
        System.out.printf(
                "  %-55s %s%n", urlConnection.jar(), size(urlConnection.jar()).orElse("missing"));
        System.out.printf("  %-55s %s%n", crt.jar(), size(crt.jar()).orElse("missing"));
        ReportSetup.requireJar(urlConnection.jar(), BUILD);
        List<Client> clients = new ArrayList<>(List.of(urlConnection, withoutArchive));
        if (Files.isRegularFile(crt.jar())) {
            clients.add(crt);
        } else {
            System.out.printf(
                    "%nthe CRT client is not measured: %s is missing; build it with%n  %s%n", crt.jar(), BUILD_CRT);
        }

        Map<Client, LocalPlatform> platforms = new LinkedHashMap<>();
        Map<Client, Runs> results = new LinkedHashMap<>();
        try {
            for (Client client : clients) {
                // the configurations that differ only in class-data sharing share a platform
                Optional<LocalPlatform> same = platforms.entrySet().stream()
                        .filter(e -> e.getKey().jar().equals(client.jar())
                                && e.getKey().environment().equals(client.environment()))
                        .map(Map.Entry::getValue)
                        .findFirst();
                platforms.put(client, same.isPresent() ? same.get() : start(client));
                results.put(client, new Runs());
            }
            System.out.printf("%n%d runs per configuration, alternating; one unmeasured run each first%n", runs);
            System.out.printf(
                    "%-15s %4s  %34s  %10s%n",
                    "configuration", "run", "cold batch (JVM start to response)", "warm batch");
            int batch = 0;
            for (int run = 0; run <= runs; run++) {
                for (Client client : clients) {
                    long[] millis = measure(platforms.get(client), client, batch++);
                    if (run == 0) {
                        continue;
                    }
                    results.get(client).cold().add(millis[0]);
                    results.get(client).warm().add(millis[1]);
                    System.out.printf("%-15s %4d  %31d ms  %7d ms%n", client.name(), run, millis[0], millis[1]);
                }
            }
            LocalFunction function = platforms.get(urlConnection).freshFunction("us-east-1");
            System.out.printf(
                    "%nJAVA_TOOL_OPTIONS %s; class-data archive %s%n",
                    function.config().environment().get(ProcessorEnvironment.JAVA_TOOL_OPTIONS),
                    function.classDataArchive()
                            .map(archive -> archive + " (" + size(archive).orElse("?") + ")")
                            .orElse("none"));
        } finally {
            new HashSet<>(platforms.values()).forEach(LocalPlatform::close);
        }

        System.out.printf(
                "%nfresh JVM to first handled batch of 10 (clients built), and the next batch, in ms; %d runs each%n",
                runs);
        System.out.printf(
                "%-15s %-34s %9s  %23s  %23s%n",
                "configuration", "jar", "size", "cold min / median / max", "warm min / median / max");
        for (Map.Entry<Client, Runs> entry : results.entrySet()) {
            Client client = entry.getKey();
            Runs measured = entry.getValue();
            System.out.printf(
                    "%-15s %-34s %9s  %23s  %23s%n",
                    client.name(),
                    client.jar().getFileName(),
                    size(client.jar()).orElse("?"),
                    summary(measured.cold()),
                    summary(measured.warm()));
        }
        System.out.printf(
                "%s, %d cores, JDK %s; load average (1 min) %.2f before the runs, %.2f after%n",
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static LocalPlatform start(Client client) throws IOException {
        LocalOptions options = ReportSetup.shippedPlatform(
                        "distributary-coldstart-" + client.name() + "-", client.jar())
                .withInstrumentation(Instrumentation.none().withFunctionEnvironment(client.environment()));
        return LocalPlatform.start(options, line -> {});
    }

    /**
     * A fresh function: its first batch (from JVM start) and a second, warm one, in milliseconds;
     * {@code batch} numbers the pair, so that every batch's sequence numbers are beyond the last one's.
     */
    private static long[] measure(LocalPlatform platform, Client client, int batch) {
        String streamArn = platform.resources().get("us-east-1").streamArns().get("orders");
        LocalFunction fresh = platform.freshFunction("us-east-1");
        try (LocalFunction function =
                client.archive() ? fresh : fresh.withClassDataArchives(ClassDataArchives.disabled())) {
            long start = System.nanoTime();
            InvocationResult cold = function.invoke(event(platform, streamArn, batch * 100));
            long coldMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            InvocationResult warm = function.invoke(event(platform, streamArn, batch * 100 + 50));
            long warmMillis = (System.nanoTime() - start) / 1_000_000;
            if (!(cold instanceof InvocationResult.Success) || !(warm instanceof InvocationResult.Success)) {
                throw new IllegalStateException(
                        "the " + client.name() + " function failed: " + cold.describe() + " / " + warm.describe());
            }
            return new long[] {coldMillis, warmMillis};
        }
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        long median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, "%5d / %5d / %5d", sorted.get(0), median, sorted.get(sorted.size() - 1));
    }

    private static Optional<String> size(Path jar) {
        try {
            long bytes = Files.size(jar);
            return Optional.of(String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A DynamodbEvent of ten local inserts into us-east-1's orders stream, with the shard and the
     * window when the platform's mapping has a tumbling window (the checkpoint ledger's).
     */
    private static String event(LocalPlatform platform, String streamArn, int first) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        var records = event.putArray("Records");
        StreamSource source = StreamSource.fromArn(streamArn);
        for (int i = first; i < first + 10; i++) {
            Map<String, AttributeValue> item = Map.of(
                    "pk",
                    AttributeValue.s("cold-" + i),
                    "sk",
                    AttributeValue.s("v0"),
                    "_origin",
                    AttributeValue.s("us-east-1"),
                    "_writtenAt",
                    AttributeValue.n(System.currentTimeMillis()));
            Image keys = new Image(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
            records.add(StreamRecordJson.write(new ChangeRecord(
                    "cold-event-" + i,
                    "INSERT",
                    source,
                    Long.toString(10_000 + i),
                    Instant.now(),
                    keys,
                    Optional.empty(),
                    Optional.of(new Image(item)),
                    Optional.empty(),
                    200)));
        }
        int window = platform.options().topology().processor().tumblingWindowSeconds();
        if (window > 0) {
            Duration length = Duration.ofSeconds(window);
            WindowedEvents.decorate(
                    event,
                    streamArn,
                    "shardId-coldstart",
                    WindowedEvents.windowStart(Instant.now(), length),
                    length,
                    Map.of(),
                    false);
        }
        return event.toString();
    }
}
