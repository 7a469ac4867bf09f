package dev.distributary.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link HandlerBenchmark} (Distributary with each ledger and the naive design, 1 KB and 40 KB
 * items) in one JMH run and prints records per second of each and the ratio Distributary/naive per
 * item size and ledger (the naive design runs once per item size).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.HandlerComparison [JMH options]}.
 */
public final class HandlerComparison {
    private HandlerComparison() {}

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(HandlerBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> naive = new TreeMap<>();
        Map<String, Double> distributary = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams()
                    .getBenchmark()
                    .substring(HandlerBenchmark.class.getName().length() + 1);
            String size = result.getParams().getParam("itemSize");
            if ("distributary".equals(method)) {
                distributary.put(
                        size + " " + result.getParams().getParam("ledger"),
                        result.getPrimaryResult().getScore());
            } else {
                naive.put(size, result.getPrimaryResult().getScore());
            }
        }
        System.out.printf(
                "%n%-6s  %-10s  %22s  %16s  %18s%n",
                "items", "ledger", "Distributary records/s", "naive records/s", "Distributary/naive");
        distributary.forEach((key, rate) -> {
            String size = key.substring(0, key.indexOf(' '));
            double naiveRate = naive.getOrDefault(size, Double.NaN);
            System.out.printf(
                    "%-6s  %-10s  %22.0f  %16.0f  %18.2f%n",
                    size, key.substring(key.indexOf(' ') + 1), rate, naiveRate, rate / naiveRate);
        });
    }
}
