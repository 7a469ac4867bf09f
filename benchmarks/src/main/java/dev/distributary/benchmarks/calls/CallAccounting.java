package dev.distributary.benchmarks.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.distributary.benchmarks.ReportSetup;
import dev.distributary.local.LocalOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured report, not JMH: API calls and Lambda invocations per event on the local platform,
 * for Distributary and for the naive design, at batch sizes 1, 10, 100 and 1,000, written as a
 * table and as JSON (for docs/BENCHMARKS.md). Run from the repository root after building:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.calls.CallAccounting [OUTPUT.json] [BATCH_SIZE ...]}.
 */
public final class CallAccounting {
    /** Writes and write rate per batch size: enough writes for several full batches in each region. */
    private record Load(int batchSize, int events, double rate) {}

    private static final List<Load> LOADS =
            List.of(new Load(1, 150, 15), new Load(10, 300, 30), new Load(100, 1_000, 50), new Load(1_000, 3_000, 100));

    private CallAccounting() {}

    public static void main(String[] args) throws IOException {
        ReportSetup.quiet();
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/api-calls.json");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        Path benchmarksJar = Path.of("benchmarks/target/benchmarks.jar");
        LocalOptions base = ReportSetup.shippedPlatform(
                "distributary-calls-", Path.of(LocalOptions.DEFAULT_PROCESSOR_JAR), benchmarksJar);
        AccountingRun run = new AccountingRun(base, benchmarksJar, System.out::println);
        List<CallAccount> accounts = new ArrayList<>();
        for (Load load : LOADS) {
            if (!sizes.isEmpty() && !sizes.contains(load.batchSize())) {
                continue;
            }
            for (ComparedDesign design : ComparedDesign.values()) {
                CallAccount account = run.run(design, load.batchSize(), load.events(), load.rate());
                accounts.add(account);
                System.out.println(CallTable.row(account));
            }
        }
        System.out.println();
        System.out.println(CallTable.format(accounts));
        Files.createDirectories(output.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), accounts);
        System.out.println("written to " + output);
        if (accounts.stream().anyMatch(a -> !a.complete())) {
            System.err.println(
                    "error: a run did not deliver everything it should have; its figures are not trustworthy");
            System.exit(1);
        }
    }
}
